package pe.cmep.gateway.contract;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import pe.cmep.gateway.web.ErrorCode;
import pe.cmep.gateway.web.FieldError;

/**
 * Writes the document's paths and components from the endpoint table ({@link Endpoints}) instead of what springdoc
 * infers from handlers that take raw bodies and answer {@code ResponseEntity<Object>}: every operation gets its
 * request body, parameters, the success envelope and the error envelope of api.md §2.2 with the statuses api.md §7
 * names, and its auth (api.md §6) as a security requirement and as {@code x-cmep-auth}.
 */
final class ContractCustomizer implements OpenApiCustomizer {

    static final String SESSION = "session";
    private static final String ERROR_ENVELOPE = "ErrorEnvelope";
    private static final Map<Integer, String> STATUSES = Map.of(
            400, "BAD_REQUEST: an admin suspending themself (api.md §2.1)",
            401, "UNAUTHENTICATED: no session cookie, or a session unknown, expired or of a suspended user",
            403, "FORBIDDEN: role or policy denies it (the message names the action and the state)",
            404, "NOT_FOUND",
            409, "CONFLICT: a state precondition, a duplicate or dependent rows",
            413, "PAYLOAD_TOO_LARGE: over 10 MiB",
            422, "VALIDATION_ERROR: details lists each field (a dotted path into the body, or the parameter)",
            429, "RATE_LIMITED: too many failed logins; Retry-After says when to try again",
            503, "STORAGE_UNAVAILABLE (object storage) or SERVICE_UNAVAILABLE (database)");

    private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;

    ContractCustomizer(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public void customise(OpenAPI openApi) {
        List<Endpoint> endpoints = Endpoints.all();
        RouteCheck.verify(endpoints, mappings.stream());
        SchemaRules rules = SchemaRules.api();
        RecordSchemas schemas = new RecordSchemas(rules);
        Paths paths = new Paths();
        TreeSet<String> tags = new TreeSet<>();
        for (Endpoint endpoint : endpoints) {
            paths.computeIfAbsent(endpoint.path, path -> new PathItem())
                    .operation(PathItem.HttpMethod.valueOf(endpoint.method.name()), operation(endpoint, schemas));
            tags.add(endpoint.tag);
        }
        if (!rules.unused().isEmpty()) {
            throw new IllegalStateException("Schema rules name no DTO property: " + new TreeSet<>(rules.unused()));
        }
        schemas.components().put(ERROR_ENVELOPE, errorEnvelope(schemas));
        Components components = new Components().schemas(new TreeMap<String, Schema>(schemas.components()))
                .securitySchemes(Map.of(SESSION, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE).name("cmep_session")
                        .description("The session id POST /auth/login sets (api.md §3)")));
        openApi.paths(paths).components(components)
                .tags(tags.stream().map(name -> new Tag().name(name)).toList())
                .security(List.of(new SecurityRequirement().addList(SESSION)));
    }

    private static Operation operation(Endpoint endpoint, RecordSchemas schemas) {
        if (endpoint.operationId == null) {
            throw new IllegalStateException("No operation id for " + endpoint.method + " " + endpoint.path);
        }
        Operation operation = new Operation().operationId(endpoint.operationId).summary(endpoint.summary)
                .addTagsItem(endpoint.tag);
        operation.addExtension("x-cmep-auth", endpoint.auth.label());
        if (endpoint.auth.anonymous()) {
            operation.setSecurity(List.of());
        }
        for (String variable : endpoint.pathVariables()) {
            operation.addParametersItem(new Parameter().in("path").name(variable).required(true)
                    .schema(new IntegerSchema().minimum(BigDecimal.ONE)));
        }
        for (Endpoint.QueryParameter query : endpoint.query) {
            operation.addParametersItem(new Parameter().in("query").name(query.name()).required(query.required())
                    .schema(query.schema()).description(query.description()));
        }
        if (endpoint.requestBody != null) {
            operation.requestBody(new RequestBody().required(true)
                    .content(content(Reply.JSON, schemas.ref(endpoint.requestBody))));
        } else if (endpoint.multipartBody != null) {
            operation.requestBody(new RequestBody().required(true)
                    .content(content("multipart/form-data", endpoint.multipartBody.apply(schemas))));
        }
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse(String.valueOf(endpoint.successStatus), new ApiResponse().description("Success")
                .content(content(endpoint.reply.mediaType(), endpoint.reply.schema().apply(schemas))));
        TreeSet<Integer> errors = new TreeSet<>(endpoint.errors);
        if (!endpoint.pathVariables().isEmpty()) {
            errors.add(422); // a path id that is not a positive integer
        }
        for (int status : errors) {
            responses.addApiResponse(String.valueOf(status), error(STATUSES.get(status), status == 429));
        }
        responses.addApiResponse("default", error("Any other failure: METHOD_NOT_ALLOWED, INTERNAL_ERROR,"
                + " SERVICE_UNAVAILABLE (api.md §2.1)", false));
        return operation.responses(responses);
    }

    private static ApiResponse error(String description, boolean retryAfter) {
        ApiResponse response = new ApiResponse().description(description)
                .content(content(Reply.JSON, new Schema<>().$ref(ComponentRefs.schema(ERROR_ENVELOPE))));
        if (retryAfter) {
            response.addHeaderObject("Retry-After", new Header().description("seconds")
                    .schema(new IntegerSchema()));
        }
        return response;
    }

    /** api.md §2.2, the one error body (§0 D1). */
    private static Schema<?> errorEnvelope(RecordSchemas schemas) {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("code", new StringSchema()._enum(Arrays.stream(ErrorCode.values()).map(Enum::name).toList()));
        error.addProperty("message", new StringSchema().description("Spanish text the web app shows as is"));
        error.addProperty("details", new ArraySchema().items(schemas.ref(FieldError.class))
                .description("validation errors only (api.md §0 D2)"));
        error.required(List.of("code", "message"));
        return new ObjectSchema().addProperty("ok", new BooleanSchema()._enum(List.of(false)))
                .addProperty("error", error).required(List.of("ok", "error"));
    }

    private static Content content(String mediaType, Schema<?> schema) {
        return new Content().addMediaType(mediaType, new MediaType().schema(schema));
    }
}
