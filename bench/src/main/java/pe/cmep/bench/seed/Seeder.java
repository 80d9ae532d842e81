package pe.cmep.bench.seed;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Seeds a running system's database the way gateway-api would have written it over two years (domain.md §5, api.md
 * §8.2): personas and clientes (some with an apoderado or a promotor), promotores of the three types, operadores,
 * gestores and medicos with users, roles and empleado rows, then solicitudes in creation order with their vigente
 * assignments, the list columns of V7 (estado_operativo, gestor/medico), payments, files and the historial rows each
 * action writes. It adds to what the dev seed left (the seed accounts take part: gestor@cmep.local has its share of
 * solicitudes for {@code mine=true}); ids are assigned here, after the largest one present.
 */
public final class Seeder {

    private static final String[] NOMBRES = {"Juan", "Rosa", "Pedro", "Lucia", "Carlos", "Maria", "Jose", "Ana",
            "Luis", "Carmen", "Miguel", "Elena", "Jorge", "Sofia", "Victor", "Patricia", "Raul", "Gloria", "Cesar",
            "Teresa", "Hugo", "Diana", "Oscar", "Silvia"};
    private static final String[] APELLIDOS = {"Quispe", "Flores", "Sanchez", "Rodriguez", "Garcia", "Huaman",
            "Mamani", "Chavez", "Torres", "Ramos", "Vargas", "Castillo", "Rojas", "Mendoza", "Diaz", "Espinoza",
            "Gutierrez", "Salazar", "Cruz", "Vasquez", "Reyes", "Romero", "Paredes", "Aguilar", "Ccopa", "Yupanqui",
            "Valdivia", "Cardenas", "Palomino", "Zegarra"};
    private static final String[] CANALES = {"YAPE", "PLIN", "TRANSFERENCIA", "EFECTIVO", "TARJETA"};
    private static final int OPERADORES = 8;
    private static final int GESTORES = 12;
    private static final int MEDICOS = 10;
    private static final int PROMOTORES = 40;

    private final Connection db;
    private final Random random = new Random(42);
    private final LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    private final HexFormat hex = HexFormat.of();
    private int nextPersona;
    private int nextUser;

    public Seeder(Connection db) {
        this.db = db;
    }

    /** The figures of the seed, for the report. */
    public record Result(int solicitudes, Map<Estado, Integer> porEstado, long personas, long pagos, long archivos,
                         long historial, long asignaciones, List<Integer> gestores, double seconds) {
    }

    /** Somebody who acts on solicitudes: the persona assigned, the user whose id the rows carry. */
    private record Staff(int personaId, int userId, String nombre) {
    }

    public Result seed(int n) throws SQLException {
        long started = System.nanoTime();
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            // the rows are consistent by construction; checking each key again would only slow the load down
            s.execute("SET SESSION foreign_key_checks = 0, unique_checks = 0");
        }
        nextPersona = max("SELECT MAX(persona_id) FROM personas") + 1;
        nextUser = max("SELECT MAX(user_id) FROM users") + 1;
        int servicio = max("SELECT MIN(servicio_id) FROM servicios");
        BigDecimal tarifa = decimal("SELECT tarifa_servicio FROM servicios WHERE servicio_id = " + servicio);
        String hash = text("SELECT password_hash FROM users WHERE user_email = 'gestor@cmep.local'");
        int admin = max("SELECT user_id FROM users WHERE user_email = 'admin@cmep.local'");

        List<Staff> operadores = new ArrayList<>(List.of(seedStaff("operador@cmep.local"), seedStaff("admin@cmep.local")));
        List<Staff> gestores = new ArrayList<>(List.of(seedStaff("gestor@cmep.local")));
        List<Staff> medicos = new ArrayList<>(List.of(seedStaff("medico@cmep.local")));
        staff(operadores, OPERADORES, "OPERADOR", 60_000_000, hash);
        staff(gestores, GESTORES, "GESTOR", 61_000_000, hash);
        staff(medicos, MEDICOS, "MEDICO", 62_000_000, hash);
        db.commit();

        int[] promotores = promotores();
        int clientes = Math.max(10, n / 4);
        int firstCliente = personas(clientes, 40_000_000, true);
        int apoderados = Math.max(2, n / 40);
        int firstApoderado = personas(apoderados, 70_000_000, false);
        try (Inserter ins = new Inserter(db, "clientes", "persona_id, estado, promotor_id, created_by, created_at, "
                + "updated_at")) {
            for (int i = 0; i < clientes; i++) {
                Integer promotor = random.nextInt(10) < 3 ? promotores[random.nextInt(promotores.length)] : null;
                LocalDateTime t = now.minusDays(730);
                ins.row(firstCliente + i, "ACTIVO", promotor, admin, t, t);
            }
        }
        db.commit();

        LocalDateTime[] creadas = new LocalDateTime[n];
        for (int i = 0; i < n; i++) {
            creadas[i] = now.minusSeconds(1 + (long) random.nextInt(730 * 86_400));
        }
        Arrays.sort(creadas);
        int firstId = max("SELECT MAX(solicitud_id) FROM solicitud_cmep") + 1;
        int firstArchivo = max("SELECT MAX(archivo_id) FROM archivos") + 1;
        int firstPago = max("SELECT MAX(pago_id) FROM pago_solicitud") + 1;
        Map<Estado, Integer> porEstado = new EnumMap<>(Estado.class);
        long pagos;
        long archivos;
        long historiales;
        long asignaciones;
        try (Inserter sol = new Inserter(db, "solicitud_cmep", "solicitud_id, codigo, cliente_id, apoderado_id, "
                + "servicio_id, promotor_id, estado_atencion, estado_pago, tarifa_monto, tarifa_moneda, tarifa_fuente, "
                + "tipo_atencion, lugar_atencion, comentario, estado_operativo, gestor_persona_id, medico_persona_id, "
                + "motivo_cancelacion, fecha_cierre, cerrado_por, fecha_cancelacion, cancelado_por, created_by, "
                + "updated_by, created_at, updated_at");
             Inserter asig = new Inserter(db, "solicitud_asignacion", "solicitud_id, persona_id, rol, es_vigente, "
                     + "asignado_por, fecha_asignacion, created_by, created_at, updated_at");
             Inserter pag = new Inserter(db, "pago_solicitud", "pago_id, solicitud_id, canal_pago, fecha_pago, monto, "
                     + "moneda, referencia_transaccion, validated_by, validated_at, created_by, created_at, updated_at");
             Inserter arch = new Inserter(db, "archivos", "archivo_id, nombre_original, nombre_storage, tipo, mime_type, "
                     + "tamano_bytes, storage_path, estado_verificacion, sha256, created_by, updated_by, created_at, "
                     + "updated_at");
             Inserter solArch = new Inserter(db, "solicitud_archivo", "solicitud_id, archivo_id, pago_id, created_by, "
                     + "created_at");
             Inserter hist = new Inserter(db, "solicitud_estado_historial", "solicitud_id, campo, valor_anterior, "
                     + "valor_nuevo, cambiado_por, cambiado_en, comentario")) {
            int archivo = firstArchivo;
            int pago = firstPago;
            for (int i = 0; i < n; i++) {
                int id = firstId + i;
                LocalDateTime creada = creadas[i];
                Estado estado = SeedPlan.estado(ChronoUnit.DAYS.between(creada, now), random);
                porEstado.merge(estado, 1, Integer::sum);
                // how far along the workflow it went: a cancelled one stopped somewhere before closing
                int etapa = switch (estado) {
                    case REGISTRADO -> 0;
                    case ASIGNADO_GESTOR -> 1;
                    case PAGADO -> 2;
                    case ASIGNADO_MEDICO -> 3;
                    case CERRADO -> 4;
                    case CANCELADO -> new int[] {0, 0, 1, 1, 1, 2, 3}[random.nextInt(7)];
                };
                Staff operador = operadores.get(random.nextInt(operadores.size()));
                Staff gestor = etapa >= 1 ? pick(gestores) : null;
                Staff medico = etapa >= 3 ? pick(medicos) : null;
                LocalDateTime tGestor = later(creada, 1, 48);
                LocalDateTime tPago = later(tGestor, 2, 120);
                LocalDateTime tMedico = later(tPago, 1, 72);
                LocalDateTime tFin = later(etapa >= 3 ? tMedico : etapa == 2 ? tPago : etapa == 1 ? tGestor : creada, 1,
                        168);
                int cliente = firstCliente + random.nextInt(clientes);
                Integer apoderado = random.nextInt(20) == 0 ? firstApoderado + random.nextInt(apoderados) : null;
                Integer promotor = random.nextInt(10) < 4 ? promotores[random.nextInt(promotores.length)] : null;
                String atencion = estado == Estado.CERRADO ? "ATENDIDO" : estado == Estado.CANCELADO ? "CANCELADO"
                        : "REGISTRADO";
                boolean pagado = etapa >= 2;
                boolean cancelado = estado == Estado.CANCELADO;
                boolean cerrado = estado == Estado.CERRADO;
                String motivo = cancelado && random.nextBoolean() ? "Cliente desiste del tramite" : null;
                LocalDateTime ultima = cancelado || cerrado ? tFin : etapa == 3 ? tMedico : etapa == 2 ? tPago
                        : etapa == 1 ? tGestor : creada;
                int ultimoPor = cancelado ? operador.userId() : cerrado ? medico.userId() : etapa == 3 || etapa == 2
                        ? gestor.userId() : operador.userId();
                sol.row(id, codigo(creada, id), cliente, apoderado, servicio, promotor, atencion,
                        pagado ? "PAGADO" : "PENDIENTE", tarifa, "PEN", "SERVICIO", null, null,
                        random.nextInt(10) == 0 ? "Requiere atencion a domicilio" : null, estado.name(),
                        gestor == null ? null : gestor.personaId(), medico == null ? null : medico.personaId(),
                        motivo, cerrado ? tFin : null, cerrado ? medico.userId() : null, cancelado ? tFin : null,
                        cancelado ? operador.userId() : null, operador.userId(), ultimoPor, creada, ultima);

                hist.row(id, "solicitud_creada", null, "REGISTRADO", operador.userId(), creada, null);
                if (random.nextInt(3) == 0) {
                    archivo(arch, solArch, archivo++, id, null, "DOCUMENTO", operador.userId(), creada);
                }
                if (gestor != null) {
                    asig.row(id, gestor.personaId(), "GESTOR", true, operador.userId(), tGestor, operador.userId(),
                            tGestor, tGestor);
                    hist.row(id, "asignacion_gestor", null, gestor.nombre(), operador.userId(), tGestor, null);
                }
                if (pagado) {
                    boolean usd = random.nextInt(12) == 0;
                    int cuotas = random.nextInt(10) == 0 ? 2 : 1;
                    for (int c = 0; c < cuotas; c++) {
                        BigDecimal monto = usd ? new BigDecimal("55.00") : cuotas == 2
                                ? tarifa.divide(BigDecimal.valueOf(2)) : tarifa;
                        LocalDateTime t = c == 0 ? tPago : tPago.plusHours(1);
                        pag.row(pago, id, CANALES[random.nextInt(CANALES.length)], t.toLocalDate(), monto,
                                usd ? "USD" : "PEN", random.nextBoolean() ? "OP-" + (100_000 + random.nextInt(900_000))
                                        : null, gestor.userId(), t, gestor.userId(), t, t);
                        hist.row(id, "pago_registrado", null, monto.setScale(2).toPlainString(), gestor.userId(), t,
                                null);
                        if (c == 0) {
                            hist.row(id, "estado_pago", "PENDIENTE", "PAGADO", gestor.userId(), t, null);
                        }
                        if (random.nextInt(10) < 6) {
                            archivo(arch, solArch, archivo++, id, pago, "EVIDENCIA_PAGO", gestor.userId(), t);
                        }
                        pago++;
                    }
                }
                if (medico != null) {
                    asig.row(id, medico.personaId(), "MEDICO", true, gestor.userId(), tMedico, gestor.userId(),
                            tMedico, tMedico);
                    hist.row(id, "asignacion_medico", null, medico.nombre(), gestor.userId(), tMedico, null);
                }
                if (cerrado) {
                    hist.row(id, "estado_atencion", "REGISTRADO", "ATENDIDO", medico.userId(), tFin, null);
                } else if (cancelado) {
                    hist.row(id, "estado_atencion", "REGISTRADO", "CANCELADO", operador.userId(), tFin, motivo);
                }
            }
            pagos = pag.total();
            archivos = arch.total();
            historiales = hist.total();
            asignaciones = asig.total();
        }
        db.commit();
        try (Statement s = db.createStatement()) {
            s.execute("SET SESSION foreign_key_checks = 1, unique_checks = 1");
        }
        db.setAutoCommit(true);
        return new Result(n, porEstado, nextPersona - 1L, pagos, archivos, historiales, asignaciones,
                gestores.stream().map(Staff::personaId).toList(), (System.nanoTime() - started) / 1e9);
    }

    /** Gestores and medicos are not picked evenly: a few carry most of the work. */
    private Staff pick(List<Staff> staff) {
        int i = (int) Math.min(staff.size() - 1, Math.abs(random.nextGaussian()) * staff.size() / 2.5);
        return staff.get(i);
    }

    private LocalDateTime later(LocalDateTime t, int minHours, int maxHours) {
        LocalDateTime next = t.plusMinutes(60L * minHours + random.nextInt(60 * (maxHours - minHours)));
        return next.isAfter(now) ? now : next;
    }

    private void archivo(Inserter arch, Inserter solArch, int archivoId, int solicitudId, Integer pagoId, String tipo,
                         int userId, LocalDateTime t) throws SQLException {
        boolean pdf = tipo.equals("DOCUMENTO") || random.nextBoolean();
        String storage = hex.formatHex(bytes(16)) + (pdf ? ".pdf" : ".jpg");
        arch.row(archivoId, pdf ? "documento.pdf" : "voucher.jpg", storage, tipo, pdf ? "application/pdf" : "image/jpeg",
                40_000 + random.nextInt(900_000), "uploads/" + storage, "VERIFICADO", hex.formatHex(bytes(32)), userId,
                null, t, t);
        solArch.row(solicitudId, archivoId, pagoId, userId, t);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** {@code CMEP-<year>-<id padded to 4>}, as gateway-api's Formats.codigo. */
    static String codigo(LocalDateTime creada, int id) {
        return "CMEP-" + creada.getYear() + "-" + String.format(Locale.ROOT, "%04d", id);
    }

    private int personas(int count, int documentBase, boolean contacto) throws SQLException {
        int first = nextPersona;
        try (Inserter ins = new Inserter(db, "personas", "persona_id, tipo_documento, numero_documento, nombres, "
                + "apellidos, email, celular_1, created_by, created_at, updated_at")) {
            LocalDateTime t = now.minusDays(730);
            for (int i = 0; i < count; i++) {
                String nombres = NOMBRES[random.nextInt(NOMBRES.length)];
                String apellidos = APELLIDOS[random.nextInt(APELLIDOS.length)] + " "
                        + APELLIDOS[random.nextInt(APELLIDOS.length)];
                boolean email = contacto && random.nextBoolean();
                ins.row(nextPersona++, "DNI", String.format(Locale.ROOT, "%08d", documentBase + i), nombres, apellidos,
                        email ? nombres.toLowerCase(Locale.ROOT) + "." + (documentBase + i) + "@correo.pe" : null,
                        contacto ? "9" + (10_000_000 + random.nextInt(89_999_999)) : null, 1, t, t);
            }
        }
        db.commit();
        return first;
    }

    private int[] promotores() throws SQLException {
        int first = max("SELECT MAX(promotor_id) FROM promotores") + 1;
        int personas = personas(10, 50_000_000, true);
        try (Inserter ins = new Inserter(db, "promotores", "promotor_id, tipo_promotor, fuente_promotor, persona_id, "
                + "razon_social, nombre_promotor_otros, ruc, created_by, created_at, updated_at")) {
            LocalDateTime t = now.minusDays(730);
            for (int i = 0; i < PROMOTORES; i++) {
                int id = first + i;
                if (i < 25) {
                    ins.row(id, "EMPRESA", null, null, "Clinica " + APELLIDOS[i % APELLIDOS.length] + " SAC " + i,
                            null, "20" + (100_000_000 + i), 1, t, t);
                } else if (i < 35) {
                    ins.row(id, "PERSONA", "Cliente referente", personas + i - 25, null, null, null, 1, t, t);
                } else {
                    ins.row(id, "OTROS", "Redes sociales", null, null, "Campana " + i, null, 1, t, t);
                }
            }
        }
        db.commit();
        int[] ids = new int[PROMOTORES];
        Arrays.setAll(ids, i -> first + i);
        return ids;
    }

    private void staff(List<Staff> into, int count, String rol, int documentBase, String hash) throws SQLException {
        int firstPersona = personas(count, documentBase, false);
        try (Inserter users = new Inserter(db, "users", "user_id, persona_id, password_hash, user_email, estado, "
                + "created_by, created_at, updated_at");
             Inserter roles = new Inserter(db, "user_role", "user_id, user_role, created_by, created_at, updated_at");
             Inserter empleados = new Inserter(db, "empleado", "persona_id, rol_empleado, estado_empleado, created_by, "
                     + "created_at, updated_at")) {
            LocalDateTime t = now.minusDays(730);
            for (int i = 0; i < count; i++) {
                int persona = firstPersona + i;
                int user = nextUser++;
                String email = "bench-" + rol.toLowerCase(Locale.ROOT) + "-" + (i + 1) + "@cmep.local";
                users.row(user, persona, hash, email, "ACTIVO", 1, t, t);
                roles.row(user, rol, 1, t, t);
                empleados.row(persona, rol, "ACTIVO", 1, t, t);
                into.add(new Staff(persona, user, text("SELECT CONCAT(nombres, ' ', apellidos) FROM personas "
                        + "WHERE persona_id = " + persona)));
            }
        }
        if (rol.equals("MEDICO")) {
            try (Inserter extra = new Inserter(db, "medico_extra", "persona_id, cmp, especialidad, created_by, "
                    + "created_at, updated_at")) {
                for (int i = 0; i < count; i++) {
                    extra.row(firstPersona + i, String.valueOf(30_000 + i), "Medicina ocupacional", 1, now, now);
                }
            }
        }
    }

    private Staff seedStaff(String email) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT u.user_id, p.persona_id, CONCAT(p.nombres, ' ', p.apellidos) "
                     + "FROM users u JOIN personas p ON p.persona_id = u.persona_id WHERE u.user_email = '" + email + "'")) {
            if (!r.next()) {
                throw new IllegalStateException("The dev seed account " + email + " is missing");
            }
            return new Staff(r.getInt(2), r.getInt(1), r.getString(3));
        }
    }

    private int max(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private BigDecimal decimal(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getBigDecimal(1);
        }
    }

    private String text(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
