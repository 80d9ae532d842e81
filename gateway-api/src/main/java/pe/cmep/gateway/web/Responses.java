package pe.cmep.gateway.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * JSON responses with the content type fixed, so an unusual {@code Accept} header
 * never turns a valid request into a 406.
 */
public final class Responses {

    private Responses() {
    }

    public static ResponseEntity<Object> ok(Object data) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Envelope.ok(data));
    }

    public static ResponseEntity<Object> ok() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Envelope.ok());
    }

    public static ResponseEntity.BodyBuilder okBuilder() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
    }
}
