package pe.cmep.gateway.auth;

/**
 * The characters a user's e-mail may hold: printable ASCII. domain.md §6.1 asks for no format check, but the
 * users table compares e-mails under utf8mb4_unicode_ci, which ignores control and format characters and folds
 * many non-ASCII ones onto ASCII (a fullwidth at sign, a no-break space): an e-mail holding them would look like,
 * and collide with, another user's.
 */
public final class EmailCharacters {

    public static final String ONLY_PRINTABLE_ASCII = "Debe contener solo caracteres ASCII imprimibles";

    private EmailCharacters() {
    }

    public static boolean arePrintableAscii(String email) {
        return email.chars().allMatch(c -> c >= ' ' && c <= '~');
    }
}
