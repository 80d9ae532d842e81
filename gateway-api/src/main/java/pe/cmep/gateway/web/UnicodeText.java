package pe.cmep.gateway.web;

/**
 * Whether text is valid Unicode. A JSON escape may stand for a lone UTF-16 surrogate (U+D800), which Jackson hands
 * over as is; no character encoding can write it, so the driver would store a {@code ?}.
 */
public final class UnicodeText {

    public static final String INVALID = "Debe ser texto Unicode valido";

    private UnicodeText() {
    }

    /** Every high surrogate is followed by a low one and every low surrogate follows a high one. */
    public static boolean isValid(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
