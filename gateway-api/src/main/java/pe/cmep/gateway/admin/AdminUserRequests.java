package pe.cmep.gateway.admin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import pe.cmep.gateway.auth.EmailCharacters;
import pe.cmep.gateway.auth.LoginService;
import pe.cmep.gateway.auth.Roles;
import pe.cmep.gateway.web.ApiException;
import pe.cmep.gateway.web.FieldReader;
import pe.cmep.gateway.web.UnicodeText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading and validating the bodies of api.md §7.10. */
final class AdminUserRequests {

    static final List<String> DOCUMENT_TYPES = List.of("DNI", "CE", "PASAPORTE");
    private static final String VALID_ROLES = "ADMIN, GESTOR, MEDICO, OPERADOR";

    private AdminUserRequests() {
    }

    record Create(String userEmail, String password, String nombres, String apellidos, String tipoDocumento,
                  String numeroDocumento, String telefono, String direccion, LocalDate fechaNacimiento,
                  List<String> roles) {
    }

    record Patch(String nombres, String apellidos, String telefono, String email, String celular2,
                 String telefonoFijo, LocalDate fechaNacimiento, String direccion, String tipoDocumento,
                 String numeroDocumento, String comentario, List<String> roles, Boolean isActive) {
    }

    static Create create(ObjectNode node) {
        FieldReader r = new FieldReader(node);
        String email = r.requiredString("user_email", 1, 255);
        if (email != null && LoginService.normalizeEmail(email).isEmpty()) {
            r.error("user_email", "No puede estar vacio");
        } else if (email != null && !EmailCharacters.arePrintableAscii(LoginService.normalizeEmail(email))) {
            r.error("user_email", EmailCharacters.ONLY_PRINTABLE_ASCII);
        }
        String password = r.requiredString("password", 8, 128);
        String nombres = r.requiredString("nombres", 1, 150);
        String apellidos = r.requiredString("apellidos", 1, 150);
        String tipo = r.requiredEnum("tipo_documento", DOCUMENT_TYPES);
        String numero = r.requiredString("numero_documento", 1, 30);
        checkDocument(r, tipo, numero);
        String telefono = r.optionalText("telefono", 20);
        String direccion = r.optionalText("direccion", 500);
        LocalDate nacimiento = r.optionalDate("fecha_nacimiento");
        RawRoles roles = rawRoles(node, r, true);
        r.validate();
        return new Create(LoginService.normalizeEmail(email), password, nombres.trim(), apellidos.trim(), tipo,
                numero.trim(), telefono, direccion, nacimiento, roles.checked());
    }

    static Patch patch(ObjectNode node) {
        FieldReader r = new FieldReader(node);
        String nombres = r.optionalString("nombres", 150);
        if (nombres != null && nombres.isBlank()) {
            r.error("nombres", "No puede estar vacio");
        }
        String apellidos = r.optionalString("apellidos", 150);
        if (apellidos != null && apellidos.isBlank()) {
            r.error("apellidos", "No puede estar vacio");
        }
        String telefono = r.optionalString("telefono", 20);
        String email = r.optionalString("email", 255);
        if (email != null && !EmailCharacters.arePrintableAscii(email)) {
            r.error("email", EmailCharacters.ONLY_PRINTABLE_ASCII);
        }
        String celular2 = r.optionalString("celular_2", 20);
        String fijo = r.optionalString("telefono_fijo", 20);
        LocalDate nacimiento = r.optionalDate("fecha_nacimiento");
        String direccion = r.optionalString("direccion", 500);
        String tipo = r.optionalEnum("tipo_documento", DOCUMENT_TYPES);
        String numero = r.optionalString("numero_documento", 30);
        if (numero != null && numero.isBlank()) {
            r.error("numero_documento", "No puede estar vacio");
        } else {
            checkDocument(r, tipo, numero);
        }
        String comentario = r.optionalString("comentario", 10_000);
        RawRoles roles = rawRoles(node, r, false);
        Boolean active = null;
        JsonNode activeNode = node.get("is_active");
        if (activeNode != null && !activeNode.isNull()) {
            if (activeNode.isBoolean()) {
                active = activeNode.booleanValue();
            } else {
                r.error("is_active", "Debe ser booleano");
            }
        }
        r.validate();
        return new Patch(trim(nombres), trim(apellidos), telefono, email, celular2, fijo, nacimiento, direccion, tipo,
                trim(numero), comentario, roles == null ? null : roles.checked(), active);
    }

    static String newPassword(ObjectNode node) {
        FieldReader r = new FieldReader(node);
        String password = r.requiredString("new_password", 8, 128);
        r.validate();
        return password;
    }

    private static void checkDocument(FieldReader r, String tipo, String numero) {
        String problem = DocumentNumbers.problem(tipo, numero);
        if (problem != null) {
            r.error("numero_documento", problem);
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    /** The role names as sent (strings), checked against the valid set only after the schema passed. */
    private record RawRoles(List<String> names) {
        List<String> checked() {
            Set<String> invalid = new LinkedHashSet<>();
            Set<String> valid = new LinkedHashSet<>();
            for (String name : names) {
                if (Roles.ALL.contains(name)) {
                    valid.add(name);
                } else {
                    invalid.add(name);
                }
            }
            if (!invalid.isEmpty()) {
                String message = "Roles invalidos: " + String.join(", ", invalid) + ". Validos: " + VALID_ROLES;
                throw ApiException.validation(message, "roles", message);
            }
            return Roles.sorted(new ArrayList<>(valid));
        }
    }

    private static RawRoles rawRoles(ObjectNode node, FieldReader r, boolean required) {
        JsonNode value = node.get("roles");
        if (value == null || value.isNull()) {
            if (required) {
                r.error("roles", "Campo requerido");
            }
            return null;
        }
        if (!value.isArray()) {
            r.error("roles", "Debe ser una lista de roles");
            return null;
        }
        if (value.isEmpty()) {
            r.error("roles", "Debe tener al menos un rol");
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                r.error("roles", "Cada rol debe ser texto");
                return null;
            }
            if (!UnicodeText.isValid(item.asString())) {
                r.error("roles", UnicodeText.INVALID);
                return null;
            }
            names.add(item.asString());
        }
        return new RawRoles(names);
    }
}
