package pe.cmep.file.verificacion;

import java.util.Optional;
import pe.cmep.file.bucket.FilesBucket.Contenido;

/** The verdict on an uploaded object, from what a read of it found. Pure. */
final class Verificacion {

    static final String VERIFICADO = "VERIFICADO";
    static final String RECHAZADO = "RECHAZADO";
    static final String SIN_OBJETO = "El objeto no existe en el almacenamiento";

    private Verificacion() {
    }

    /**
     * @param mimeType       the type the upload was accepted as
     * @param tamanoRegistro the size the gateway wrote in the row
     * @param contenido      what the read found; empty when the object is missing
     */
    static Veredicto decidir(String mimeType, Long tamanoRegistro, Optional<Contenido> contenido) {
        if (contenido.isEmpty()) {
            return Veredicto.rechazado(SIN_OBJETO);
        }
        Contenido c = contenido.get();
        if (tamanoRegistro != null && tamanoRegistro != c.size()) {
            return Veredicto.rechazado("El tamano almacenado (" + c.size() + " bytes) no coincide con el registrado ("
                    + tamanoRegistro + " bytes)");
        }
        return Firmas.motivoRechazo(mimeType, c.head(), c.size())
                .map(Veredicto::rechazado)
                .orElseGet(() -> new Veredicto(VERIFICADO, c.sha256(), null));
    }

    /** {@code sha256} only for a verified file, {@code motivo} only for a rejected one. */
    record Veredicto(String estado, String sha256, String motivo) {

        static Veredicto rechazado(String motivo) {
            return new Veredicto(RECHAZADO, null, motivo);
        }

        boolean rechazado() {
            return RECHAZADO.equals(estado);
        }
    }
}
