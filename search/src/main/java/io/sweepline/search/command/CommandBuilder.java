package io.sweepline.search.command;

import io.sweepline.search.value.PythonRepr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a trial's argv from the sweep's {@code command} exactly as W&B's agent does:
 * <ul>
 *   <li>{@code ${envvar:NAME}} is replaced anywhere in an element; an unset variable becomes NAME;</li>
 *   <li>other macros count only as a whole element: {@code ${args}} and friends expand to several
 *       elements, an unknown macro expands to nothing, and a macro inside a longer string is kept
 *       literally ({@code --cfg=${args}});</li>
 *   <li>values render with Python's {@code str()} ({@code --use_bn=True}, {@code --lr=1e-05},
 *       {@code --opt={'name': 'adam'}}); nested parameters are one dict-valued argument.</li>
 * </ul>
 * The default command is {@code ${env} ${interpreter} ${program} ${args}}.
 */
public final class CommandBuilder {

    public static final List<Object> DEFAULT_COMMAND = List.of("${env}", "${interpreter}", "${program}", "${args}");

    private static final Pattern ENVVAR = Pattern.compile("\\$\\{envvar:([A-Z0-9_]*)\\}");

    private CommandBuilder() {
    }

    /**
     * @param command the config's {@code command} (null or empty: the default); items are rendered
     *                with Python's {@code str()}, as the YAML loader typed them
     * @param params  the trial's parameters by top-level name, in order
     * @param context program, interpreter, env and file paths
     */
    public static CommandLine build(List<?> command, Map<String, Object> params, CommandContext context) {
        List<?> template = command == null || command.isEmpty() ? DEFAULT_COMMAND : command;
        List<String> elements = new ArrayList<>(template.size());
        for (Object item : template) {
            elements.add(expandEnvVars(PythonRepr.str(item), context.environment()));
        }
        Map<String, List<String>> macros = macros(params, context);
        List<String> argv = new ArrayList<>();
        for (String element : elements) {
            if (element.startsWith("${") && element.endsWith("}")) {
                argv.addAll(macros.getOrDefault(element.substring(2, element.length() - 1), List.of()));
            } else {
                argv.add(element);
            }
        }
        return new CommandLine(argv, elements.contains("${args_json_file}"), PythonRepr.jsonDumps(params));
    }

    /** Every whole-element macro and its expansion. */
    public static Map<String, List<String>> macros(Map<String, Object> params, CommandContext context) {
        List<String> args = new ArrayList<>();
        List<String> noHyphens = new ArrayList<>();
        List<String> noEquals = new ArrayList<>();
        List<String> noBooleanFlags = new ArrayList<>();
        List<String> appendHydra = new ArrayList<>();
        List<String> overrideHydra = new ArrayList<>();
        for (var entry : params.entrySet()) {
            String name = entry.getKey();
            Object value = entry.getValue();
            String flag = name + "=" + PythonRepr.str(value);
            args.add("--" + flag);
            noHyphens.add(flag);
            noEquals.add("--" + name);
            noEquals.add(PythonRepr.str(value));
            appendHydra.add("+" + flag);
            overrideHydra.add("++" + flag);
            if (value instanceof Boolean b) {
                if (b) {
                    noBooleanFlags.add("--" + name);
                }
            } else {
                noBooleanFlags.add("--" + flag);
            }
        }
        Map<String, List<String>> macros = new LinkedHashMap<>();
        macros.put("args", args);
        macros.put("args_no_equals", noEquals);
        macros.put("args_no_hyphens", noHyphens);
        macros.put("args_no_boolean_flags", noBooleanFlags);
        macros.put("args_json", List.of(PythonRepr.jsonDumps(params)));
        // W&B appends a dict to a list, which adds its keys: ${args_dict} gives the parameter names.
        macros.put("args_dict", List.copyOf(params.keySet()));
        macros.put("args_append_hydra", appendHydra);
        macros.put("args_override_hydra", overrideHydra);
        macros.put("interpreter", List.of(context.interpreter()));
        macros.put("program", context.program() == null ? List.of() : List.of(context.program()));
        macros.put("args_json_file", List.of(context.argsJsonFilePath()));
        macros.put("env", List.of(context.env()));
        return macros;
    }

    /** Replaces {@code ${envvar:NAME}} occurrences; an unset variable becomes its own name, as in W&B. */
    static String expandEnvVars(String element, Map<String, String> environment) {
        Matcher matcher = ENVVAR.matcher(element);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            matcher.appendReplacement(out, Matcher.quoteReplacement(environment.getOrDefault(name, name)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
