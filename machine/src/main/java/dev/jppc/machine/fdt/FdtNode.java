package dev.jppc.machine.fdt;

import java.util.List;
import java.util.Optional;

/** One node of a parsed tree: its name (with unit address), properties and children in blob order. */
public final class FdtNode {

    private final String name;
    private final List<FdtProperty> properties;
    private final List<FdtNode> children;

    public FdtNode(final String name, final List<FdtProperty> properties, final List<FdtNode> children) {
        this.name = name;
        this.properties = List.copyOf(properties);
        this.children = List.copyOf(children);
    }

    /** The node name including any unit address ({@code "memory@0"}); empty for the root. */
    public String name() {
        return name;
    }

    public List<FdtProperty> properties() {
        return properties;
    }

    public List<FdtNode> children() {
        return children;
    }

    public Optional<FdtProperty> property(final String propertyName) {
        return properties.stream().filter(p -> p.name().equals(propertyName)).findFirst();
    }

    public Optional<FdtNode> child(final String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    /** The node at {@code path} below this one, such as {@code "/cpus/PowerPC,POWER8@0"}; "/" is this node. */
    public Optional<FdtNode> find(final String path) {
        Optional<FdtNode> node = Optional.of(this);
        for (final String part : path.split("/")) {
            if (!part.isEmpty()) {
                node = node.flatMap(n -> n.child(part));
            }
        }
        return node;
    }

    void appendDts(final StringBuilder out, final int depth) {
        final String indent = "\t".repeat(depth);
        out.append(indent).append(name.isEmpty() ? "/" : name).append(" {\n");
        for (final FdtProperty p : properties) {
            out.append(indent).append('\t').append(p.name());
            if (!p.isEmpty()) {
                out.append(" = ").append(p.valueDts());
            }
            out.append(";\n");
        }
        for (final FdtNode child : children) {
            out.append('\n');
            child.appendDts(out, depth + 1);
        }
        out.append(indent).append("};\n");
    }

    @Override
    public String toString() {
        final StringBuilder out = new StringBuilder();
        appendDts(out, 0);
        return out.toString();
    }
}
