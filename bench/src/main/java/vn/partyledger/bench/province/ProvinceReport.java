package vn.partyledger.bench.province;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The run's report, written as {@code report.json} (every figure, for tools) and {@code report.md} (the same figures
 * as tables, for people) in a directory of its own: the machine, the province, then each scenario with its outcome —
 * completed, or stopped at its time limit with how far it got — and its figures.
 */
public final class ProvinceReport {

    private final String title;
    private final Map<String, Object> machine;
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final Map<String, Object> province = new LinkedHashMap<>();
    private final List<Map<String, Object>> scenarios = new ArrayList<>();

    public ProvinceReport(String title) {
        this.title = title;
        this.machine = machine();
    }

    public Map<String, Object> settings() {
        return settings;
    }

    Map<String, Object> province() {
        return province;
    }

    /** A scenario's figures, in the order they are put; its outcome says whether it ran to the end. */
    public Map<String, Object> scenario(String name, String measures) {
        // the run takes minutes and its figures come at the end: this says where it has got to
        System.out.println(LocalTime.now().withNano(0) + " " + name);
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", name);
        scenario.put("measures", measures);
        scenario.put("outcome", "completed");
        scenarios.add(scenario);
        return scenario;
    }

    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        machine.put("loadAverageAtEnd", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", title);
        json.put("machine", machine);
        json.put("settings", settings);
        json.put("province", province);
        json.put("scenarios", scenarios);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("report.json").toFile(), json);
        Files.writeString(directory.resolve("report.md"), markdown());
    }

    private String markdown() {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        table(md, "Machine", machine);
        table(md, "Settings", settings);
        table(md, "Province", province);
        for (Map<String, Object> scenario : scenarios) {
            Map<String, Object> figures = new LinkedHashMap<>(scenario);
            figures.remove("name");
            figures.remove("measures");
            md.append("## ").append(scenario.get("name")).append("\n\n").append(scenario.get("measures"))
                    .append("\n\n");
            table(md, null, figures);
        }
        return md.toString();
    }

    private static void table(StringBuilder md, String heading, Map<String, Object> rows) {
        if (heading != null) {
            md.append("## ").append(heading).append("\n\n");
        }
        md.append("| | |\n|---|---|\n");
        rows.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(cell(value)).append(" |\n"));
        md.append('\n');
    }

    private static String cell(Object value) {
        String text = value instanceof Double number ? String.format(Locale.ROOT, "%,.1f", number)
                : value instanceof Integer || value instanceof Long ? String.format(Locale.ROOT, "%,d", value)
                : String.valueOf(value);
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** Rounded to a tenth: the report's precision, so the JSON does not claim more than was measured. */
    public static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 10) / 10.0;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        Runtime runtime = Runtime.getRuntime();
        machine.put("cpu", cpuModel());
        machine.put("cores", runtime.availableProcessors());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            machine.put("ramMb", os.getTotalMemorySize() >> 20);
        }
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("maxHeapMb", runtime.maxMemory() >> 20);
        machine.put("loadAverageAtStart",
                round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        return machine;
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return System.getProperty("os.arch");
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }
}
