package pe.cmep.gateway.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the document's component schemas from the records that travel on the wire, so a field added to a DTO shows
 * in the document (and fails the drift test until it is regenerated). A component is named by the record's simple
 * name, prefixed by its enclosing record's for nested ones ({@code SolicitudDetail.Cliente} → SolicitudDetailCliente).
 * What a record's types cannot say — which fields may be null, which strings are enums — comes from the
 * {@link SchemaRules} of the response DTOs and from the {@code @Schema} annotations of the request bodies.
 */
final class RecordSchemas {

    private final SchemaRules rules;
    private final Map<String, Schema<?>> components = new TreeMap<>();

    RecordSchemas(SchemaRules rules) {
        this.rules = rules;
    }

    Map<String, Schema<?>> components() {
        return components;
    }

    /** A reference to the component of {@code type}, registering it (and what it refers to) on first use. */
    Schema<?> ref(Class<?> type) {
        String name = name(type);
        if (!components.containsKey(name)) {
            components.put(name, new Schema<>()); // a placeholder, so a record that refers to itself terminates
            components.put(name, type.isEnum() ? enumSchema(type) : recordSchema(type, name));
        }
        return new Schema<>().$ref(ComponentRefs.schema(name));
    }

    /** A string enum registered once by name, for the enums api.md names (EstadoOperativo, Accion, Rol, ...). */
    Schema<?> namedEnum(String name, Collection<String> values) {
        components.computeIfAbsent(name, n -> new StringSchema()._enum(List.copyOf(values)));
        return new Schema<>().$ref(ComponentRefs.schema(name));
    }

    private Schema<?> recordSchema(Class<?> type, String name) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record: the contract describes only records");
        }
        ObjectSchema schema = new ObjectSchema();
        for (RecordComponent component : type.getRecordComponents()) {
            String property = propertyName(component);
            // @Schema does not target record components: javac keeps it on the accessor
            io.swagger.v3.oas.annotations.media.Schema annotation =
                    component.getAccessor().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            Schema<?> value = annotation != null ? annotated(component, annotation)
                    : rules.apply(name, property, of(component.getGenericType()), this);
            schema.addProperty(property, value);
            // a DTO serializes every field, nulls included; a request body's annotation says what it requires
            if (annotation == null || annotation.requiredMode() == RequiredMode.REQUIRED) {
                schema.addRequiredItem(property);
            }
        }
        return schema;
    }

    /** A request body's field: its annotation says whether it is required, its enum values and its limits. */
    private Schema<?> annotated(RecordComponent component, io.swagger.v3.oas.annotations.media.Schema annotation) {
        Schema<?> schema = annotation.anyOf().length > 0
                ? new ComposedSchema().anyOf(Arrays.stream(annotation.anyOf()).<Schema>map(this::of).toList())
                : of(component.getGenericType());
        if (annotation.allowableValues().length > 0) {
            Schema<?> values = new StringSchema()._enum(Arrays.asList(annotation.allowableValues()));
            if (schema instanceof ArraySchema array) {
                array.setItems(values);
            } else {
                schema = values;
            }
        }
        if (!annotation.format().isEmpty()) {
            schema.setFormat(annotation.format());
        }
        if (!annotation.description().isEmpty()) {
            schema.setDescription(annotation.description());
        }
        if (annotation.minLength() > 0) {
            schema.setMinLength(annotation.minLength());
        }
        if (annotation.maxLength() < Integer.MAX_VALUE) {
            schema.setMaxLength(annotation.maxLength());
        }
        boolean required = annotation.requiredMode() == RequiredMode.REQUIRED;
        // api.md §1: "optional" = may be omitted or null
        return required || component.getAccessor().isAnnotationPresent(NeverNull.class) ? schema : nullable(schema);
    }

    Schema<?> of(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return new ArraySchema().items(of(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return new ObjectSchema().additionalProperties(of(arguments[1]));
            }
            throw new IllegalArgumentException("No schema for " + type);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == int.class || raw == Integer.class) {
            return new IntegerSchema();
        }
        if (raw == long.class || raw == Long.class) {
            return new IntegerSchema().format("int64");
        }
        if (raw == double.class || raw == Double.class || raw == BigDecimal.class) {
            return new NumberSchema();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return new BooleanSchema();
        }
        if (raw == String.class) {
            return new StringSchema();
        }
        if (raw == LocalDate.class) {
            return new StringSchema().format("date");
        }
        if (Temporal.class.isAssignableFrom(raw)) {
            return new StringSchema().format("date-time");
        }
        if (raw == Object.class) {
            return new ObjectSchema();
        }
        return ref(raw);
    }

    /** OpenAPI 3.0 ignores the siblings of a $ref, so a nullable reference is an allOf of one. */
    static Schema<?> nullable(Schema<?> schema) {
        if (schema.get$ref() != null) {
            return new ComposedSchema().allOf(List.of(schema)).nullable(true);
        }
        return schema.nullable(true);
    }

    private static Schema<?> enumSchema(Class<?> type) {
        List<String> values = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            values.add(((Enum<?>) constant).name());
        }
        return new StringSchema()._enum(values);
    }

    static String name(Class<?> type) {
        Class<?> enclosing = type.getEnclosingClass();
        boolean nestedInRecord = enclosing != null && enclosing.isRecord() && Modifier.isStatic(type.getModifiers());
        return nestedInRecord ? name(enclosing) + type.getSimpleName() : type.getSimpleName();
    }

    /** The wire name under the application's SNAKE_CASE strategy, or the name a {@code @JsonProperty} gives. */
    static String propertyName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        if (renamed != null && !renamed.value().isEmpty()) {
            return renamed.value();
        }
        StringBuilder snake = new StringBuilder();
        for (char c : component.getName().toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
