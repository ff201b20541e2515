package io.sweepline.search.config;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Finds keys given twice in one mapping, which YAML forbids but PyYAML (and W&B) silently accept. */
final class DuplicateKeys {

    private DuplicateKeys() {
    }

    static void find(Node node, String path, List<Violation> out) {
        find(node, path, out, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** Each collection node is read once: an alias repeats its anchor's node, which was already checked. */
    private static void find(Node node, String path, List<Violation> out, Set<Node> visited) {
        if ((node instanceof MappingNode || node instanceof SequenceNode) && !visited.add(node)) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                if (key != null && !seen.add(key)) {
                    out.add(new Violation(Problems.child(path, key), "is given twice (line "
                            + (tuple.getKeyNode().getStartMark().getLine() + 1) + "); the last value is used"));
                }
                find(tuple.getValueNode(), key == null ? path : Problems.child(path, key), out, visited);
            }
        } else if (node instanceof SequenceNode sequence) {
            int i = 0;
            for (Node item : sequence.getValue()) {
                find(item, path + "[" + i++ + "]", out, visited);
            }
        }
    }
}
