package pe.cmep.gateway.seed;

import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.gateway.auth.EmailCharacters;
import pe.cmep.gateway.auth.LoginService;
import pe.cmep.gateway.auth.PasswordHasher;
import reactor.core.publisher.Mono;

/**
 * The production seed of domain.md §9.2: only on a database without users, one servicio
 * and one ADMIN whose identity and password come from the environment.
 */
@Component
public class ProdSeed {

    private static final Logger log = LoggerFactory.getLogger(ProdSeed.class);
    static final String SERVICIO = "Certificado Medico de Evaluacion Psicologica";

    private final SeedRepository seeds;
    private final SeedPersonas personas;
    private final PasswordHasher hasher;
    private final TransactionalOperator tx;

    ProdSeed(SeedRepository seeds, SeedPersonas personas, PasswordHasher hasher, TransactionalOperator tx) {
        this.seeds = seeds;
        this.personas = personas;
        this.hasher = hasher;
        this.tx = tx;
    }

    public static void validate(SeedProperties.Admin admin) {
        if (admin == null || blank(admin.email()) || blank(admin.password()) || blank(admin.nombres())
                || blank(admin.apellidos())) {
            throw new IllegalArgumentException("CMEP_ADMIN_EMAIL, CMEP_ADMIN_PASSWORD, CMEP_ADMIN_NOMBRES and "
                    + "CMEP_ADMIN_APELLIDOS must all be set");
        }
        if (!EmailCharacters.arePrintableAscii(LoginService.normalizeEmail(admin.email()))) {
            throw new IllegalArgumentException("CMEP_ADMIN_EMAIL must hold printable ASCII characters only "
                    + "(docs/decisions.md #22)");
        }
        int length = admin.password().codePointCount(0, admin.password().length());
        if (length < 8 || length > 128) {
            throw new IllegalArgumentException("CMEP_ADMIN_PASSWORD must have 8 to 128 characters");
        }
    }

    public Mono<Void> apply(SeedProperties.Admin admin) {
        validate(admin);
        String email = LoginService.normalizeEmail(admin.email());
        return seeds.countUsers()
                .flatMap(users -> users > 0
                        ? Mono.<Void>error(new IllegalStateException(
                                "The database already has users: the production seed runs only on an empty database"))
                        : seeds.servicio(SERVICIO, new BigDecimal("200.00"), "PEN")
                                .then(personas.ensure("DNI", "00000001", admin.nombres().trim(), admin.apellidos().trim(),
                                        email, null))
                                .flatMap(personaId -> seeds.user(personaId, email, hasher.hash(admin.password()), "ACTIVO"))
                                .flatMap(userId -> seeds.role(userId, "ADMIN")))
                .as(tx::transactional)
                .doOnSuccess(v -> log.info("prod_seed_applied admin_email={}", email));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
