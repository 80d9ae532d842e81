package pe.cmep.gateway.contract;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.http.HttpMethod;

/**
 * One row of the endpoint table ({@link Endpoints}): what api.md §7 says of a path and method, in the terms the
 * document needs. Set up fluently while the table is built, read by {@link ContractCustomizer}.
 */
final class Endpoint {

    final HttpMethod method;
    final String path;
    final Auth auth;
    final String tag;
    final String summary;
    String operationId;
    Class<?> requestBody;
    Function<RecordSchemas, Schema<?>> multipartBody;
    final List<QueryParameter> query = new ArrayList<>();
    int successStatus = 200;
    Reply reply = Reply.OK_ONLY;
    final TreeSet<Integer> errors = new TreeSet<>();

    Endpoint(HttpMethod method, String path, Auth auth, String tag, String summary) {
        this.method = method;
        this.path = path;
        this.auth = auth;
        this.tag = tag;
        this.summary = summary;
        errors.addAll(auth.statuses());
    }

    Endpoint id(String operationId) {
        this.operationId = operationId;
        return this;
    }

    Endpoint body(Class<?> record) {
        this.requestBody = record;
        return this;
    }

    Endpoint multipart(Function<RecordSchemas, Schema<?>> form) {
        this.multipartBody = form;
        return this;
    }

    Endpoint query(String name, boolean required, Schema<?> schema, String description) {
        query.add(new QueryParameter(name, required, schema, description));
        return this;
    }

    Endpoint replies(Reply reply) {
        this.reply = reply;
        return this;
    }

    Endpoint replies(int status, Reply reply) {
        this.successStatus = status;
        this.reply = reply;
        return this;
    }

    Endpoint errors(Integer... statuses) {
        errors.addAll(List.of(statuses));
        return this;
    }

    /** The path's variables ({@code {solicitud_id}}), all positive integers (api.md §0 conventions). */
    List<String> pathVariables() {
        List<String> names = new ArrayList<>();
        int open = path.indexOf('{');
        while (open >= 0) {
            int close = path.indexOf('}', open);
            names.add(path.substring(open + 1, close));
            open = path.indexOf('{', close);
        }
        return names;
    }

    record QueryParameter(String name, boolean required, Schema<?> schema, String description) {
    }
}
