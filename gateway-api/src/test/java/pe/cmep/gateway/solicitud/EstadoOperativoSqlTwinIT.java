package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import pe.cmep.events.EstadoOperativo;
import pe.cmep.localstack.TestBackend;
import pe.cmep.localstack.TestBackends;
import pe.cmep.localstack.UsesTestBackend;

/**
 * {@link EstadoOperativo#sqlCase}, the SQL twin reporting rebuilds the aggregates with, gives what
 * {@link EstadoOperativo#derive} gives on every combination of domain.md §3's inputs, evaluated by the database.
 */
@UsesTestBackend
class EstadoOperativoSqlTwinIT {

    @Test
    void the_sql_twin_derives_what_the_java_rule_derives_on_every_combination() throws SQLException {
        TestBackend backend = TestBackends.shared();
        String database = "cmep_estado_twin";
        backend.dropDatabase(database);
        backend.createDatabase(database);
        try (Connection c = DriverManager.getConnection(backend.jdbcUrl(database), backend.databaseUser(),
                backend.databasePassword()); Statement st = c.createStatement()) {
            EstadoOperativoTest.everyCombination().map(Arguments::get).forEach(args -> {
                String atencion = (String) args[0];
                String pago = (String) args[1];
                boolean gestor = (Boolean) args[2];
                boolean medico = (Boolean) args[3];
                String sql = "SELECT " + EstadoOperativo.sqlCase("'" + atencion + "'", "'" + pago + "'",
                        gestor ? "3" : "NULL", medico ? "4" : "NULL");
                try (ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    assertThat(rs.getString(1))
                            .as("%s / %s / gestor %s / medico %s", atencion, pago, gestor, medico)
                            .isEqualTo(EstadoOperativo.derive(atencion, pago, gestor, medico).name());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            backend.dropDatabase(database);
        }
    }
}
