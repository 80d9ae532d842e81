package pe.cmep.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pe.cmep.events.AwsResources;
import pe.cmep.events.AwsResources.QueueSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs docker/init-aws.sh (the LocalStack hook) against a stand-in {@code awslocal} that records its calls and
 * answers like LocalStack, and checks it creates what {@link QueueProvisioner} creates: no Docker needed.
 */
class InitAwsScriptIT {

    private static final String FAKE_AWSLOCAL = """
            #!/usr/bin/env bash
            { printf '%s\\037' "$@"; printf '\\n'; } >> "$CALLS"
            case "$1 $2" in
              "s3api head-bucket") exit 1 ;;
              "sqs create-queue") echo "http://localhost:4566/queue/us-east-1/000000000000/$4" ;;
              "sqs get-queue-attributes") echo "arn:aws:sqs:us-east-1:000000000000:${4##*/}" ;;
            esac
            """;

    private final ObjectMapper json = JsonMapper.builder().build();
    private final AwsResources resources = AwsResources.load();

    @Test
    void init_script_creates_the_same_bucket_queues_and_redrive_policies_as_the_stand_ins(@TempDir Path dir)
            throws Exception {
        List<List<String>> calls = runScript(dir);

        assertThat(calls).contains(List.of("s3api", "create-bucket", "--bucket", resources.bucket()));

        Map<String, JsonNode> created = new HashMap<>();
        calls.stream().filter(call -> call.get(1).equals("create-queue"))
                .forEach(call -> created.put(call.get(3), json.readTree(call.get(5))));
        List<String> expectedNames = resources.queues().stream()
                .flatMap(queue -> Stream.of(queue.name(), queue.dlqName()))
                .toList();
        assertThat(created.keySet()).containsExactlyInAnyOrderElementsOf(expectedNames);
        for (QueueSpec queue : resources.queues()) {
            for (String name : List.of(queue.name(), queue.dlqName())) {
                JsonNode attributes = created.get(name);
                assertThat(attributes.get("VisibilityTimeout").asString()).as(name)
                        .isEqualTo(Integer.toString(QueueProvisioner.VISIBILITY_TIMEOUT_SECONDS));
                if (queue.fifo()) {
                    assertThat(attributes.get("FifoQueue").asString()).as(name).isEqualTo("true");
                    assertThat(attributes.get("ContentBasedDeduplication").asString()).as(name).isEqualTo("false");
                } else {
                    assertThat(attributes.has("FifoQueue")).as(name).isFalse();
                }
            }
        }

        Map<String, JsonNode> redrivePolicies = new HashMap<>();
        calls.stream().filter(call -> call.get(1).equals("set-queue-attributes"))
                .forEach(call -> redrivePolicies.put(call.get(3).substring(call.get(3).lastIndexOf('/') + 1),
                        json.readTree(json.readTree(call.get(5)).get("RedrivePolicy").asString())));
        assertThat(redrivePolicies).hasSize(resources.queues().size());
        for (QueueSpec queue : resources.queues()) {
            JsonNode policy = redrivePolicies.get(queue.name());
            assertThat(policy.get("deadLetterTargetArn").asString()).endsWith(":" + queue.dlqName());
            assertThat(policy.get("maxReceiveCount").asInt()).isEqualTo(resources.dlqMaxReceiveCount());
        }
    }

    private List<List<String>> runScript(Path dir) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path awslocal = Files.writeString(bin.resolve("awslocal"), FAKE_AWSLOCAL);
        Files.setPosixFilePermissions(awslocal, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path properties = dir.resolve(AwsResources.RESOURCE);
        try (InputStream in = AwsResources.class.getClassLoader().getResourceAsStream(AwsResources.RESOURCE)) {
            Files.copy(in, properties);
        }
        Path calls = dir.resolve("calls");

        ProcessBuilder script = new ProcessBuilder("bash", "docker/init-aws.sh")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("output").toFile());
        script.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        script.environment().put("CMEP_AWS_RESOURCES", properties.toString());
        script.environment().put("CALLS", calls.toString());
        Process process = script.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("output"))).isZero();

        return Files.readAllLines(calls).stream()
                .map(line -> Arrays.asList(line.split("\u001f")))
                .toList();
    }
}
