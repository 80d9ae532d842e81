import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { Alert } from '../shared/Feedback';

type Health = { state: 'pending' } | { state: 'ok'; status: string } | { state: 'down'; error: string };

/** What `Desconectado — …` says: the API's own words, else what the browser knows. */
function healthFailure(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.apiMessage) return error.apiMessage;
    return error.status === 0 ? 'No se pudo conectar con el servidor' : `HTTP ${error.status}`;
  }
  return error instanceof Error ? error.message : 'Error desconocido';
}

export function StatusPage() {
  const [health, setHealth] = useState<Health>({ state: 'pending' });
  const [version, setVersion] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    api.health().then(
      (body) => active && setHealth(body.ok
        ? { state: 'ok', status: body.status ?? 'ok' }
        : { state: 'down', error: 'Respuesta inesperada' }),
      (error) => active && setHealth({ state: 'down', error: healthFailure(error) }),
    );
    api.version().then((v) => active && setVersion(v), () => undefined);
    return () => { active = false; };
  }, []);

  return (
    <main className="status-page">
      <h1>CMEP</h1>
      <h2>Estado del Sistema</h2>
      {health.state === 'pending' && <Alert kind="info">Verificando conexion...</Alert>}
      {health.state === 'ok' && <Alert kind="success">Conectado — Backend {health.status}</Alert>}
      {health.state === 'down' && <Alert kind="error">Desconectado — {health.error}</Alert>}
      {version && <p>Version: <strong>{version}</strong></p>}
    </main>
  );
}
