package pe.cmep.gateway.admin;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shape of a staff member's document number by type: a DNI is 8 digits, a carné de
 * extranjería or a passport 6 to 12 letters or digits. Catches typos before they become a
 * second persona for the same person.
 */
final class DocumentNumbers {

    private static final Map<String, Pattern> PATTERNS = Map.of(
            "DNI", Pattern.compile("\\d{8}"),
            "CE", Pattern.compile("[A-Za-z0-9]{6,12}"),
            "PASAPORTE", Pattern.compile("[A-Za-z0-9]{6,12}"));
    private static final Map<String, String> MESSAGES = Map.of(
            "DNI", "Un DNI tiene 8 digitos",
            "CE", "Un CE tiene de 6 a 12 letras o digitos",
            "PASAPORTE", "Un PASAPORTE tiene de 6 a 12 letras o digitos");

    private DocumentNumbers() {
    }

    /** The problem with {@code numero} for {@code tipo}, or null when it is well formed (or the type is unknown). */
    static String problem(String tipo, String numero) {
        Pattern pattern = tipo == null ? null : PATTERNS.get(tipo);
        if (pattern == null || numero == null || pattern.matcher(numero.trim()).matches()) {
            return null;
        }
        return MESSAGES.get(tipo);
    }
}
