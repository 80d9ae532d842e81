package pe.cmep.gateway.reportes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pe.cmep.gateway.auth.AdminOnly;
import pe.cmep.gateway.web.Responses;
import reactor.core.publisher.Mono;

/**
 * GET /admin/reportes (api.md §7.12, domain.md §7): the admin report, served from the aggregates the
 * workflow-worker keeps, with the time of the newest event they reflect.
 */
@RestController
class ReportesController {

    private final ReportesRepository reportes;
    private final Clock clock;

    ReportesController(ReportesRepository reportes, Clock clock) {
        this.reportes = reportes;
        this.clock = clock;
    }

    @AdminOnly
    @GetMapping("/admin/reportes")
    Mono<ResponseEntity<Object>> reportes(@RequestParam Map<String, String> params) {
        ReporteFiltro filtro = ReporteFiltro.read(params, LocalDate.now(clock));
        return reportes.leer(filtro).map(lectura -> ReporteCalculo.reporte(filtro, lectura)).map(Responses::ok);
    }
}
