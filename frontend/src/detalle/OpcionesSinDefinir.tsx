/** The options of a select whose empty value means `Sin definir`, then each value as its own label. */
export function OpcionesSinDefinir({ valores }: { valores: readonly string[] }) {
  return (
    <>
      <option value="">Sin definir</option>
      {valores.map((v) => <option key={v} value={v}>{v}</option>)}
    </>
  );
}
