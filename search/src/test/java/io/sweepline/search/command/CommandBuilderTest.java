package io.sweepline.search.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandBuilderTest {

    private static final CommandContext CONTEXT = new CommandContext("train.py", "python", "/usr/bin/env",
            "/tmp/trial-1/params.json", Map.of("DATA_DIR", "/data", "EMPTY", ""));

    private static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static List<String> argv(List<?> command, Map<String, Object> params) {
        return CommandBuilder.build(command, params, CONTEXT).argv();
    }

    @Test
    void replacesAnUnsetEnvironmentVariableByItsName() {
        assertEquals(List.of("python", "CUDA_HOME"), argv(List.of("python", "${envvar:CUDA_HOME}"), Map.of()));
    }

    @Test
    void substitutesASetEnvironmentVariableInsideALongerElement() {
        assertEquals(List.of("--data=/data/train", "x/data"),
                argv(List.of("--data=${envvar:DATA_DIR}/train", "x${envvar:DATA_DIR}"), Map.of()));
    }

    @Test
    void substitutesAVariableSetToTheEmptyString() {
        assertEquals(List.of("a", ""), argv(List.of("a${envvar:EMPTY}", "${envvar:EMPTY}"), Map.of()));
    }

    @Test
    void dropsAnUnknownWholeElementMacro() {
        assertEquals(List.of("python", "train.py"), argv(List.of("python", "${nonsense}", "${program}"), Map.of()));
    }

    @Test
    void keepsAMacroInsideALongerElementLiterally() {
        assertEquals(List.of("--x=${args}", "${args}x"), argv(List.of("--x=${args}", "${args}x"), params("lr", 0.1)));
    }

    @Test
    void expandsArgsToOneFlagPerParameterInOrder() {
        assertEquals(List.of("/usr/bin/env", "python", "train.py", "--lr=1e-05", "--bn=True", "--opt=adam"),
                argv(List.of("${env}", "${interpreter}", "${program}", "${args}"), params("lr", 1e-5, "bn", true, "opt", "adam")));
    }

    @Test
    void usesTheDefaultCommandForNullOrEmpty() {
        List<String> expected = List.of("/usr/bin/env", "python", "train.py", "--epochs=3");
        assertEquals(expected, argv(null, params("epochs", 3L)));
        assertEquals(expected, argv(List.of(), params("epochs", 3L)));
        assertEquals(List.of("${env}", "${interpreter}", "${program}", "${args}"), CommandBuilder.DEFAULT_COMMAND);
    }

    @Test
    void omitsFalseAndKeepsNoneInArgsNoBooleanFlags() {
        Map<String, Object> p = params("on", true, "off", false, "none", null, "n", 2L);
        assertEquals(List.of("--on", "--none=None", "--n=2"), argv(List.of("${args_no_boolean_flags}"), p));
    }

    @Test
    void rendersANestedDictParameterAsOnePythonDictArgument() {
        assertEquals(List.of("--model={'width': 8}"), argv(List.of("${args}"), params("model", params("width", 8L))));
    }

    @Test
    void setsWritesArgsJsonFileOnlyWhenTheMacroIsUsed() {
        CommandLine with = CommandBuilder.build(List.of("python", "t.py", "${args_json_file}"), params("lr", 0.5), CONTEXT);
        assertTrue(with.writesArgsJsonFile());
        assertEquals(List.of("python", "t.py", "/tmp/trial-1/params.json"), with.argv());
        assertEquals("{\"lr\": 0.5}", with.argsJson());
        assertFalse(CommandBuilder.build(List.of("python", "--f=${args_json_file}"), params("lr", 0.5), CONTEXT)
                .writesArgsJsonFile());
        assertFalse(CommandBuilder.build(null, params("lr", 0.5), CONTEXT).writesArgsJsonFile());
    }

    @Test
    void rendersNonStringCommandItemsWithPythonStr() {
        assertEquals(List.of("--epochs", "3", "--bn", "True", "--lr", "1e-05"),
                argv(List.of("--epochs", 3L, "--bn", true, "--lr", 1e-5), Map.of()));
    }

    @Test
    void dropsTheProgramMacroWhenThereIsNoProgram() {
        CommandContext noProgram = new CommandContext(null, "python3", "/usr/bin/env", "/p.json", Map.of());
        assertEquals(List.of("python3", "--a=1"),
                CommandBuilder.build(List.of("${interpreter}", "${program}", "${args}"), params("a", 1L), noProgram).argv());
    }

    @Test
    void neverMutatesTheCommandOrTheParameters() {
        List<Object> command = new ArrayList<>(List.of("${args}", "${envvar:DATA_DIR}"));
        Map<String, Object> p = params("a", 1L);
        CommandBuilder.build(command, p, CONTEXT);
        assertEquals(List.of("${args}", "${envvar:DATA_DIR}"), command);
        assertEquals(Map.of("a", 1L), p);
        assertThrows(UnsupportedOperationException.class, () -> CommandBuilder.build(command, p, CONTEXT).argv().add("x"));
    }
}
