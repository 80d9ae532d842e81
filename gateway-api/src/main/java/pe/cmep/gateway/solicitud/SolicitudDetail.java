package pe.cmep.gateway.solicitud;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import pe.cmep.gateway.catalogo.PromotorSummary;

/** SolicitudDetail of api.md §7.3 (snake_case on the wire). */
public record SolicitudDetail(
        int solicitudId,
        String codigo,
        Cliente cliente,
        Apoderado apoderado,
        Servicio servicio,
        String estadoAtencion,
        String estadoPago,
        String estadoCertificado,
        String tarifaMonto,
        String tarifaMoneda,
        String tipoAtencion,
        String lugarAtencion,
        String comentario,
        String estadoOperativo,
        List<String> accionesPermitidas,
        Map<String, Asignacion> asignacionesVigentes,
        PromotorSummary promotor,
        List<Pago> pagos,
        List<Archivo> archivos,
        List<Historial> historial,
        String motivoCancelacion,
        String fechaCierre,
        Integer cerradoPor,
        String fechaCancelacion,
        Integer canceladoPor,
        String comentarioAdmin,
        List<ResultadoMedico> resultadosMedicos,
        String createdAt,
        String updatedAt) {

    public record Cliente(int personaId, String tipoDocumento, String numeroDocumento, String doc, String nombre,
                          String celular, String email, String fechaNacimiento, String direccion) {
    }

    public record Apoderado(int personaId, String tipoDocumento, String numeroDocumento, String nombres,
                            String apellidos, @JsonProperty("celular_1") String celular1, String email,
                            String fechaNacimiento,
                            String direccion) {
    }

    public record Servicio(int servicioId, String descripcion, String tarifa, String moneda) {
    }

    public record Asignacion(int personaId, String nombre, String rol) {
    }

    public record Pago(int pagoId, String canalPago, String fechaPago, String monto, String moneda,
                       String referenciaTransaccion, String comentario, String validatedAt) {
    }

    public record Archivo(int id, int archivoId, Integer pagoId, String nombre, String tipo, String mimeType,
                          Integer tamanoBytes, String estadoVerificacion, String sha256) {
    }

    public record Historial(int historialId, String campo, String valorAnterior, String valorNuevo,
                            Integer cambiadoPor, String usuarioNombre, String cambiadoEn, String comentario) {
    }

    public record ResultadoMedico(int resultadoId, int medicoId, String fechaEvaluacion, String diagnostico,
                                  String resultado, String observaciones, String recomendaciones,
                                  String estadoCertificado) {
    }
}
