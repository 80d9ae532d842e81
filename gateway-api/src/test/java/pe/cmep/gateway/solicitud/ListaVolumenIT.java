package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.cmep.events.EstadoOperativo;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.db.Binds;
import pe.cmep.gateway.seed.DevSeed;
import pe.cmep.gateway.support.BackendProperties;
import pe.cmep.localstack.EmbeddedBackendOnly;
import pe.cmep.localstack.TestBackends;

/**
 * The solicitud list at 100,000 solicitudes, two years of a busy clinic, written straight into a database of its
 * own. A page is read from its filter's index in solicitud_id order, so page 1 costs the same at any size of the
 * table: asserted with the optimizer's own account of the statement the list runs (MariaDB's ANALYZE runs it and
 * counts the rows each step read), for no filter, each estado_operativo and mine for each role — no full scan, no
 * sort of the filtered rows, about a page of rows read. The exact total without a filter or of one state reads the
 * maintained counters, not the table (decision 41). The search q (LIKE '%…%'), the totals that count rows and deep
 * pages are measured and printed with their plans, not asserted (docs/performance.md).
 */
@EmbeddedBackendOnly("reads MariaDB's ANALYZE output; MySQL 8 reports a plan in another form (EXPLAIN ANALYZE)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
@ActiveProfiles("test")
@TestPropertySource(properties = "cmep.outbox.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListaVolumenIT {

    private static final Logger log = LoggerFactory.getLogger(ListaVolumenIT.class);
    private static final String DATABASE = "cmep_lista_volumen";
    private static final int SOLICITUDES = 100_000;
    private static final int CLIENTES = 50_000;
    private static final int PAGE = 20;

    @Autowired
    DatabaseClient db;

    @Autowired
    DevSeed devSeed;

    @Autowired
    WebTestClient client;

    @Autowired
    SolicitudConteoRepository conteos;

    private final List<Integer> gestores = new ArrayList<>();
    private final List<Integer> medicos = new ArrayList<>();
    private final List<Integer> operadores = new ArrayList<>();

    @DynamicPropertySource
    static void volumeDatabase(DynamicPropertyRegistry registry) {
        TestBackends.shared().dropDatabase(DATABASE);
        TestBackends.shared().createDatabase(DATABASE);
        BackendProperties.register(registry, DATABASE);
    }

    @BeforeAll
    void twoYearsOfSolicitudes() {
        devSeed.reset().block(Duration.ofMinutes(1));
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            gestores.add(staff("GESTOR", 91_000_000 + i));
            medicos.add(staff("MEDICO", 92_000_000 + i));
            int operador = staff("OPERADOR", 93_000_000 + i);
            operadores.add(insertReturningId("INSERT INTO users (persona_id, password_hash, user_email, estado) "
                    + "VALUES (" + operador + ", 'x', 'operador" + i + "@volumen.local', 'ACTIVO')"));
        }
        run("CREATE TABLE vol_digito (d INT PRIMARY KEY)");
        run("INSERT INTO vol_digito VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
        run("CREATE TABLE vol_n (n INT PRIMARY KEY)");
        run("INSERT INTO vol_n SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d "
                + "FROM vol_digito a, vol_digito b, vol_digito c, vol_digito e, vol_digito f");
        run("INSERT INTO personas (tipo_documento, numero_documento, nombres, apellidos, celular_1, created_at) "
                + "SELECT 'DNI', CONCAT('8', LPAD(n, 7, '0')), CONCAT('Cliente', n), CONCAT('Apellido', n MOD 997), "
                + "'987654321', '2024-12-01 00:00:00' FROM vol_n WHERE n < " + CLIENTES);
        run("INSERT INTO clientes (persona_id, estado, created_at) SELECT persona_id, 'ACTIVO', created_at "
                + "FROM personas WHERE tipo_documento = 'DNI' AND numero_documento LIKE '8%' AND nombres LIKE 'Cliente%'");
        // the share of each state in a clinic that closes most of what it registers
        String bucket = "(v.n MOD 100)";
        run("INSERT INTO solicitud_cmep (codigo, cliente_id, estado_atencion, estado_pago, estado_operativo, "
                + "gestor_persona_id, medico_persona_id, created_by, created_at, updated_at) "
                + "SELECT CONCAT('V-', v.n), c.persona_id, "
                + "CASE WHEN " + bucket + " >= 90 THEN 'CANCELADO' WHEN " + bucket + " >= 30 THEN 'ATENDIDO' "
                + "ELSE 'REGISTRADO' END, "
                + "CASE WHEN " + bucket + " BETWEEN 12 AND 89 THEN 'PAGADO' ELSE 'PENDIENTE' END, "
                + "CASE WHEN " + bucket + " >= 90 THEN 'CANCELADO' WHEN " + bucket + " >= 30 THEN 'CERRADO' "
                + "WHEN " + bucket + " >= 20 THEN 'ASIGNADO_MEDICO' WHEN " + bucket + " >= 12 THEN 'PAGADO' "
                + "WHEN " + bucket + " >= 5 THEN 'ASIGNADO_GESTOR' ELSE 'REGISTRADO' END, "
                + "CASE WHEN " + bucket + " BETWEEN 5 AND 89 THEN " + elt(gestores) + " END, "
                + "CASE WHEN " + bucket + " BETWEEN 20 AND 89 THEN " + elt(medicos) + " END, "
                + elt(operadores) + ", "
                + "TIMESTAMP('2024-12-01 00:00:00') + INTERVAL (v.n * 631) SECOND, "
                + "TIMESTAMP('2024-12-01 00:00:00') + INTERVAL (v.n * 631 + 3600) SECOND "
                + "FROM vol_n v JOIN personas c ON c.tipo_documento = 'DNI' "
                + "AND c.numero_documento = CONCAT('8', LPAD(v.n MOD " + CLIENTES + ", 7, '0'))");
        for (String rol : List.of("GESTOR", "MEDICO")) {
            String column = rol.toLowerCase(Locale.ROOT) + "_persona_id";
            run("INSERT INTO solicitud_asignacion (solicitud_id, persona_id, rol, es_vigente, fecha_asignacion, "
                    + "created_at) SELECT solicitud_id, " + column + ", '" + rol + "', 1, created_at, created_at "
                    + "FROM solicitud_cmep WHERE " + column + " IS NOT NULL");
        }
        run("DROP TABLE vol_n");
        run("DROP TABLE vol_digito");
        conteos.recontar().block(Duration.ofMinutes(1));
        run("ANALYZE TABLE solicitud_cmep, personas, solicitud_asignacion");
        assertThat(count("SELECT COUNT(*) FROM solicitud_cmep")).isEqualTo(SOLICITUDES);
        log.info("volume_seeded solicitudes={} seconds={}", SOLICITUDES, (System.nanoTime() - start) / 1_000_000_000);
    }

    @Test
    void page_one_without_filters_reads_one_page_of_the_primary_key() {
        assertReadsAboutOnePage(new SolicitudQueries.ListQuery(1, PAGE, null, null, false), admin());
    }

    @Test
    void page_one_of_each_estado_operativo_reads_one_page_of_its_index() {
        for (EstadoOperativo estado : EstadoOperativo.values()) {
            assertReadsAboutOnePage(new SolicitudQueries.ListQuery(1, PAGE, null, estado, false), admin());
        }
    }

    /**
     * The exact total of every solicitud, and of one state, is the sum of that state's counters (decision 41): the
     * statement reads solicitud_conteo alone, at most its 96 rows, never solicitud_cmep or one of its indexes.
     */
    @Test
    void the_total_without_a_filter_and_of_each_estado_reads_the_counters_not_the_solicitudes() {
        List<SolicitudQueries.ListQuery> queries = new ArrayList<>();
        queries.add(new SolicitudQueries.ListQuery(1, PAGE, null, null, false));
        for (EstadoOperativo estado : EstadoOperativo.values()) {
            queries.add(new SolicitudQueries.ListQuery(1, PAGE, null, estado, false));
        }
        for (SolicitudQueries.ListQuery query : queries) {
            List<Step> plan = analyzeTotal(query, admin());

            assertThat(plan).as("plan of the total of %s", query).isNotEmpty().allSatisfy(step -> {
                assertThat(step.table()).as(step.toString()).isEqualTo("c");
                assertThat(step.readRows()).as(step.toString())
                        .isLessThanOrEqualTo(6 * SolicitudConteoRepository.SLOTS);
            });
            String where = query.estado() == null ? "" : " WHERE estado_operativo = '" + query.estado() + "'";
            assertThat(total(query, admin())).as("total of %s", query)
                    .isEqualTo(count("SELECT COUNT(*) FROM solicitud_cmep" + where));
        }
        assertThat(analyzeTotal(new SolicitudQueries.ListQuery(1, PAGE, null, EstadoOperativo.PAGADO, false), admin()))
                .allSatisfy(step -> assertThat(step.readRows()).isLessThanOrEqualTo(SolicitudConteoRepository.SLOTS));
    }

    @Test
    void page_one_of_mine_reads_one_page_of_the_index_of_each_role() {
        assertReadsAboutOnePage(mine(), user(List.of("OPERADOR"), operadores.get(0), null));
        assertReadsAboutOnePage(mine(), user(List.of("GESTOR"), 90, gestores.get(1)));
        assertReadsAboutOnePage(mine(), user(List.of("MEDICO"), 90, medicos.get(2)));
    }

    @Test
    void page_one_of_mine_in_one_estado_reads_one_page_of_the_index_of_each_role() {
        SolicitudQueries.ListQuery query = new SolicitudQueries.ListQuery(1, PAGE, null, EstadoOperativo.CERRADO, true);
        assertReadsAboutOnePage(query, user(List.of("OPERADOR"), operadores.get(4), null));
        assertReadsAboutOnePage(query, user(List.of("GESTOR"), 90, gestores.get(3)));
        assertReadsAboutOnePage(query, user(List.of("MEDICO"), 90, medicos.get(4)));
    }

    @Test
    void page_one_of_mine_for_several_roles_reads_one_page_per_role() {
        CurrentUser operadorYGestor = user(List.of("OPERADOR", "GESTOR"), operadores.get(1), gestores.get(2));
        SolicitudQueries.ListQuery query = mine();
        List<Step> plan = analyze(query, operadorYGestor);

        assertThat(plan).filteredOn(step -> "s".equals(step.table())).hasSize(2).allSatisfy(step -> {
            assertThat(step.type()).as(step.toString()).isNotEqualTo("ALL");
            assertThat(step.extra()).as(step.toString()).doesNotContain("filesort", "temporary");
            assertThat(step.readRows()).as(step.toString()).isLessThanOrEqualTo(PAGE);
        });
        assertThat(plan).allSatisfy(step -> assertThat(step.readRows()).as(step.toString()).isLessThanOrEqualTo(2 * PAGE));
        String mineSql = "FROM solicitud_cmep WHERE created_by = " + operadores.get(1) + " OR gestor_persona_id = "
                + gestores.get(2);
        assertThat(listed(query, operadorYGestor)).isEqualTo(db.sql("SELECT solicitud_id " + mineSql
                        + " ORDER BY solicitud_id DESC LIMIT " + PAGE)
                .map((row, meta) -> ((Number) row.get(0)).intValue()).all().collectList().block());
        assertThat(total(query, operadorYGestor)).isEqualTo(count("SELECT COUNT(*) " + mineSql));
    }

    @Test
    void the_items_and_totals_at_volume_are_those_of_the_rows() {
        String admin = login();
        var body = client.get().uri("/solicitudes?estado_operativo=ASIGNADO_MEDICO&page=3&page_size=7")
                .cookie(SessionCookies.NAME, admin).exchange()
                .expectStatus().isOk()
                .expectBody(tools.jackson.databind.JsonNode.class).returnResult().getResponseBody();

        assertThat(body.at("/meta/total").longValue())
                .isEqualTo(count("SELECT COUNT(*) FROM solicitud_cmep WHERE estado_operativo = 'ASIGNADO_MEDICO'"));
        List<Integer> expected = db.sql("SELECT solicitud_id FROM solicitud_cmep WHERE estado_operativo = "
                        + "'ASIGNADO_MEDICO' ORDER BY solicitud_id DESC LIMIT 7 OFFSET 14")
                .map((row, meta) -> ((Number) row.get(0)).intValue()).all().collectList().block();
        assertThat(body.at("/data/items").valueStream().map(i -> i.get("solicitud_id").intValue()).toList())
                .isEqualTo(expected);
        assertThat(body.at("/data/items/0/gestor").asString()).startsWith("Staff");
        assertThat(body.at("/data/items/0/medico").asString()).startsWith("Staff");
        assertThat(body.at("/data/items/0/operador").asString()).startsWith("Staff");
    }

    /** Not an assertion: the figures of docs/performance.md, printed for whoever runs the test. */
    @Test
    void what_search_totals_and_deep_pages_cost_is_measured() {
        String admin = login();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("page 1, no filter", "/solicitudes?page=1&page_size=20");
        cases.put("page 1, estado_operativo=PAGADO", "/solicitudes?estado_operativo=PAGADO&page_size=20");
        cases.put("page 1, q matching one cliente", "/solicitudes?q=Cliente4242&page_size=20");
        cases.put("page 1, q matching 1 in 997", "/solicitudes?q=Apellido996&page_size=20");
        cases.put("page 1, q matching nothing", "/solicitudes?q=zzzz&page_size=20");
        cases.put("page 100 (offset 1,980)", "/solicitudes?page=100&page_size=20");
        cases.put("page 5,000 (the last)", "/solicitudes?page=5000&page_size=20");
        StringBuilder table = new StringBuilder("\n| request at " + SOLICITUDES + " solicitudes | median ms | max ms |\n|---|---|---|\n");
        cases.forEach((name, uri) -> {
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                long start = System.nanoTime();
                client.get().uri(uri).cookie(SessionCookies.NAME, admin).exchange().expectStatus().isOk();
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            List<Long> sorted = millis.stream().sorted().toList();
            table.append("| ").append(name).append(" | ").append(sorted.get(3)).append(" | ")
                    .append(sorted.get(6)).append(" |\n");
        });
        long start = System.nanoTime();
        count("SELECT COUNT(*) FROM solicitud_cmep s");
        table.append("| the exact total alone (`COUNT(*)`, no filter) | ")
                .append((System.nanoTime() - start) / 1_000_000).append(" | |\n");
        log.info("list_at_volume{}", table);
        StringBuilder plans = new StringBuilder("\n| list at " + SOLICITUDES + " | statement | table | type | key | rows read | extra |\n"
                + "|---|---|---|---|---|---|---|\n");
        Map<String, SolicitudQueries.ListQuery> planned = new java.util.LinkedHashMap<>();
        planned.put("no filter", new SolicitudQueries.ListQuery(1, PAGE, null, null, false));
        planned.put("estado_operativo=PAGADO", new SolicitudQueries.ListQuery(1, PAGE, null, EstadoOperativo.PAGADO, false));
        planned.put("q=Cliente4242", new SolicitudQueries.ListQuery(1, PAGE, "Cliente4242", null, false));
        planned.put("q=Apellido996", new SolicitudQueries.ListQuery(1, PAGE, "Apellido996", null, false));
        planned.put("q=Apellido996, estado_operativo=CERRADO",
                new SolicitudQueries.ListQuery(1, PAGE, "Apellido996", EstadoOperativo.CERRADO, false));
        planned.put("mine, OPERADOR", mine());
        planned.put("page 5,000, no filter", new SolicitudQueries.ListQuery(5000, PAGE, null, null, false));
        planned.forEach((name, query) -> {
            CurrentUser user = name.startsWith("mine") ? user(List.of("OPERADOR"), operadores.get(0), null) : admin();
            analyze(query, user).forEach(step -> plans.append(row(name, "page ids", step)));
            analyzeTotal(query, user).forEach(step -> plans.append(row(name, "total", step)));
        });
        log.info("list_plans_at_volume{}", plans);
    }

    private static String row(String name, String statement, Step step) {
        return "| " + name + " | " + statement + " | " + step.table() + " | " + step.type() + " | " + step.key()
                + " | " + Math.round(step.readRows()) + " | " + step.extra() + " |\n";
    }

    private void assertReadsAboutOnePage(SolicitudQueries.ListQuery query, CurrentUser user) {
        List<Step> plan = analyze(query, user);

        assertThat(plan).as("plan of %s", query).allSatisfy(step -> {
            assertThat(step.type()).as(step.toString()).isNotEqualTo("ALL");
            assertThat(step.extra()).as(step.toString()).doesNotContain("filesort", "temporary");
            assertThat(step.readRows()).as(step.toString()).isLessThanOrEqualTo(PAGE);
        });
        assertThat(listed(query, user)).as("page of %s", query).hasSize(PAGE);
    }

    /** MariaDB's ANALYZE: the statement is run, and each step says how many rows it read. */
    private List<Step> analyze(SolicitudQueries.ListQuery query, CurrentUser user) {
        return page("ANALYZE ", query, user)
                .map((row, meta) -> new Step(row.get("table", String.class), row.get("type", String.class),
                        row.get("key", String.class), readRows(row.get("r_rows")),
                        String.valueOf(row.get("Extra", String.class))))
                .all().collectList().block();
    }

    /** The same, for the statement of the page's total. */
    private List<Step> analyzeTotal(SolicitudQueries.ListQuery query, CurrentUser user) {
        ListaSql sql = ListaSql.of(query, user);
        return Binds.all(db.sql("ANALYZE " + sql.count()), sql.params())
                .map((row, meta) -> new Step(row.get("table", String.class), row.get("type", String.class),
                        row.get("key", String.class), readRows(row.get("r_rows")),
                        String.valueOf(row.get("Extra", String.class))))
                .all().collectList().block();
    }

    private List<Integer> listed(SolicitudQueries.ListQuery query, CurrentUser user) {
        return page("", query, user).map((row, meta) -> ((Number) row.get(0)).intValue()).all().collectList().block();
    }

    private long total(SolicitudQueries.ListQuery query, CurrentUser user) {
        ListaSql sql = ListaSql.of(query, user);
        return Binds.all(db.sql(sql.count()), sql.params())
                .map((row, meta) -> ((Number) row.get(0)).longValue()).one().block();
    }

    /** The page-ids statement the list runs for {@code query}, bound as the list binds it. */
    private DatabaseClient.GenericExecuteSpec page(String prefix, SolicitudQueries.ListQuery query, CurrentUser user) {
        ListaSql sql = ListaSql.of(query, user);
        return Binds.all(db.sql(prefix + sql.pageIds()), sql.params())
                .bind("limit", query.pageSize()).bind("offset", (query.page() - 1L) * query.pageSize());
    }

    private static double readRows(Object value) {
        return value == null ? 0 : Double.parseDouble(value.toString());
    }

    private record Step(String table, String type, String key, double readRows, String extra) {
    }

    private static SolicitudQueries.ListQuery mine() {
        return new SolicitudQueries.ListQuery(1, PAGE, null, null, true);
    }

    private static CurrentUser admin() {
        return user(List.of("ADMIN"), 1, 1);
    }

    private static CurrentUser user(List<String> roles, int userId, Integer personaId) {
        return new CurrentUser(userId, "x@volumen.local", "ACTIVO", roles, List.of(), "X", personaId, null);
    }

    private int staff(String rol, int documento) {
        int persona = insertReturningId("INSERT INTO personas (tipo_documento, numero_documento, nombres, apellidos) "
                + "VALUES ('DNI', '" + documento + "', 'Staff" + documento + "', '" + rol + "')");
        if (!"OPERADOR".equals(rol)) {
            run("INSERT INTO empleado (persona_id, rol_empleado, estado_empleado) VALUES (" + persona + ", '" + rol
                    + "', 'ACTIVO')");
        }
        return persona;
    }

    /** ELT(n MOD k + 1, id1, …, idk): one of {@code ids} in turn. */
    private static String elt(List<Integer> ids) {
        return "ELT(v.n MOD " + ids.size() + " + 1, " + String.join(", ", ids.stream().map(String::valueOf).toList())
                + ")";
    }

    private String login() {
        return client.post().uri("/auth/login").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "admin@cmep.local", "password", "admin123"))
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseCookies().getFirst(SessionCookies.NAME).getValue();
    }

    private void run(String sql) {
        db.sql(sql).then().block(Duration.ofMinutes(5));
    }

    private long count(String sql) {
        return db.sql(sql).map((row, meta) -> ((Number) row.get(0)).longValue()).one().block();
    }

    private int insertReturningId(String sql) {
        return db.sql(sql).filter(statement -> statement.returnGeneratedValues())
                .map((row, meta) -> ((Number) row.get(0)).intValue()).one().block();
    }
}
