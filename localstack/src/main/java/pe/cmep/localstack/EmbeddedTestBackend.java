package pe.cmep.localstack;

import java.util.Map;
import pe.cmep.events.AwsResources;

/** The default backend: {@link StandIns#shared()}, the embedded MariaDB, ElasticMQ and S3Proxy of this JVM. */
final class EmbeddedTestBackend implements TestBackend {

    static final String NAME = "embedded";

    private final StandIns standIns;

    EmbeddedTestBackend(StandIns standIns) {
        this.standIns = standIns;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> springProperties(String database) {
        return standIns.springProperties(database);
    }

    @Override
    public String jdbcUrl(String database) {
        return standIns.jdbcUrl(database);
    }

    @Override
    public String databaseUser() {
        return "root";
    }

    @Override
    public String databasePassword() {
        return "";
    }

    @Override
    public void createDatabase(String name) {
        standIns.createDatabase(name);
    }

    @Override
    public void dropDatabase(String name) {
        standIns.dropDatabase(name);
    }

    @Override
    public String sqsEndpoint() {
        return standIns.sqsEndpoint();
    }

    @Override
    public AwsResources resources() {
        return standIns.resources();
    }
}
