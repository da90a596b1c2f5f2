package io.spotifymate.chat.llm;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import io.spotifymate.chat.client.FeatureClient;
import io.spotifymate.chat.client.RecommenderClient;
import io.spotifymate.chat.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link MusicTools} as a surface other assistants call directly: the MCP server and the OpenAPI description for
 * GPT Actions list exactly the tools the chat's own model has, with the same JSON schemas, and run them the same way,
 * bound to the user whose token came with the call.
 */
@ApplicationScoped
public class ToolSurface {

    /** A tool as assistants see it. */
    public record ToolView(String name, String description, Map<String, Object> inputSchema) {}

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final RecommenderClient recommender;
    private final FeatureClient features;
    private final List<ToolView> tools;
    private final Map<String, Method> methods = new LinkedHashMap<>();

    public ToolSurface(RecommenderClient recommender, FeatureClient features) {
        this.recommender = recommender;
        this.features = features;
        for (Method method : MusicTools.class.getMethods()) {
            Tool tool = method.getAnnotation(Tool.class);
            if (tool != null) {
                methods.put(tool.name().isEmpty() ? method.getName() : tool.name(), method);
            }
        }
        this.tools = ToolSpecifications.toolSpecificationsFrom(MusicTools.class).stream()
                .map(ToolSurface::view)
                .toList();
    }

    public List<ToolView> tools() {
        return tools;
    }

    public Optional<ToolView> tool(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * Runs a tool for the caller.
     *
     * @param arguments the tool's arguments as a JSON object
     * @return the tool's JSON result (an object with {@code error} when it could not do it)
     * @throws IllegalArgumentException for an unknown tool
     */
    public String call(Caller caller, String name, String arguments) {
        Method method = methods.get(name);
        if (method == null) {
            throw new IllegalArgumentException("There is no tool " + name + "; the tools are " + methods.keySet());
        }
        MusicTools bound = new MusicTools(caller, recommender, features, new MusicTools.Ledger());
        try {
            return new DefaultToolExecutor(bound, method)
                    .execute(
                            ToolExecutionRequest.builder()
                                    .name(name)
                                    .arguments(arguments == null || arguments.isBlank() ? "{}" : arguments)
                                    .build(),
                            caller.userId());
        } catch (RuntimeException e) {
            // Arguments of the wrong type, or a tool that failed: a tool error the assistant can read, not a 500.
            Map<String, Object> error = new LinkedHashMap<>();
            error.put(
                    "error",
                    name + " could not run: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            try {
                return JSON.writeValueAsString(error);
            } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private static ToolView view(ToolSpecification spec) {
        JsonObjectSchema parameters = spec.parameters();
        Map<String, Object> schema = parameters == null
                ? new LinkedHashMap<>(Map.of("type", "object", "properties", Map.of()))
                : schema(parameters);
        return new ToolView(spec.name(), spec.description(), schema);
    }

    /** JSON Schema as a map, for the element kinds tool parameters use. */
    static Map<String, Object> schema(JsonSchemaElement element) {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (element instanceof JsonObjectSchema object) {
            schema.put("type", "object");
            Map<String, Object> properties = new LinkedHashMap<>();
            object.properties().forEach((name, property) -> properties.put(name, schema(property)));
            schema.put("properties", properties);
            if (object.required() != null && !object.required().isEmpty()) {
                schema.put("required", object.required());
            }
        } else if (element instanceof JsonArraySchema array) {
            schema.put("type", "array");
            schema.put("items", schema(array.items()));
        } else if (element instanceof JsonEnumSchema enumeration) {
            schema.put("type", "string");
            schema.put("enum", enumeration.enumValues());
        } else if (element instanceof JsonIntegerSchema) {
            schema.put("type", "integer");
        } else if (element instanceof JsonNumberSchema) {
            schema.put("type", "number");
        } else if (element instanceof JsonBooleanSchema) {
            schema.put("type", "boolean");
        } else if (element instanceof JsonStringSchema) {
            schema.put("type", "string");
        }
        String description = element.description();
        if (description != null) {
            schema.put("description", description);
        }
        return schema;
    }
}
