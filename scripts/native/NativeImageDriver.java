import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.graalvm.collections.EconomicMap;

import com.oracle.svm.core.option.APIOption;
import com.oracle.svm.core.option.OptionUtils;
import com.oracle.svm.hosted.option.HostedOptionParser;
import com.oracle.svm.util.ReflectionUtil;

import jdk.graal.compiler.options.OptionDescriptor;
import jdk.graal.compiler.options.OptionDescriptors;
import jdk.graal.compiler.options.OptionsContainer;

/**
 * The {@code native-image} command of the GraalVM home that {@code scripts/native-check.sh} assembles
 * from Maven Central. GraalVM's own launcher ({@code svm-driver}) is not published there, so this class
 * does its part of the work: it turns the launcher's options into the image builder's {@code -H:}
 * options (read from the builder's own {@code @APIOption} declarations, not from a copied table),
 * applies the {@code native-image.properties} that libraries ship under {@code META-INF/native-image},
 * and starts {@code NativeImageGeneratorRunner} on the JVMCI-enabled JDK of this home.
 *
 * <p>It supports what a Quarkus build passes; any other launcher option is refused by name, so a
 * build never silently drops an argument.
 */
public final class NativeImageDriver {

    static final String GRAALVM_VERSION = "25.0.4";
    static final String VENDOR_VERSION = "GraalVM CE " + GRAALVM_VERSION + "+native-check";
    private static final String BUILDER_MODULE = "org.graalvm.nativeimage.builder";
    static final String JDK_ACCESS_FILE = "lib/svm/jdk-access.args";
    private static final String GENERATOR = "com.oracle.svm.hosted.NativeImageGeneratorRunner";
    private static final List<String> BUILDER_MODULES = List.of(BUILDER_MODULE, "org.graalvm.nativeimage.base",
            "org.graalvm.nativeimage.pointsto", "org.graalvm.nativeimage.objectfile", "org.graalvm.nativeimage.configure",
            "jdk.graal.compiler");
    /** JDK modules whose internals the builder reaches; a GraalVM JDK exports them to the builder at link time. */
    private static final List<String> JDK_MODULES_OPENED = List.of("java.base", "jdk.internal.vm.ci", "java.management",
            "jdk.management", "jdk.jfr", "jdk.unsupported", "jdk.internal.jvmstat", "java.desktop", "java.logging",
            "java.xml", "jdk.zipfs", "java.naming", "java.security.jgss", "java.rmi", "jdk.net", "java.instrument");

    /** Reachability metadata a library ships under META-INF/native-image, by file name, with its builder option. */
    private static final Map<String, String> CONFIG_FILES = Map.of(
            "reachability-metadata.json", "ReachabilityMetadataResources",
            "reflect-config.json", "ReflectionConfigurationResources",
            "resource-config.json", "ResourceConfigurationResources",
            "proxy-config.json", "DynamicProxyConfigurationResources",
            "jni-config.json", "JNIConfigurationResources",
            "serialization-config.json", "SerializationConfigurationResources",
            "predefined-classes-config.json", "PredefinedClassesConfigurationResources");

    private final Path home;
    private final Map<String, ApiOption> apiOptions;
    private final List<String> builderJavaArgs = new ArrayList<>();
    private final List<String> builderArgs = new ArrayList<>();
    private final LinkedHashSet<Path> imageClasspath = new LinkedHashSet<>();
    private final List<Pattern[]> excludedConfigs = new ArrayList<>();
    private final Set<Path> configsApplied = new LinkedHashSet<>();
    private String imageName;
    private String mainClass;

    record ApiOption(String builderOption, boolean isBoolean, String defaultValue, char[] separators,
            List<Function<Object, Object>> transformers) {
    }

    private NativeImageDriver(Path home) {
        this.home = home;
        this.apiOptions = readApiOptions();
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("java.home"));
        if (args.length == 1 && args[0].equals("--write-jdk-access")) {
            writeJdkAccess(home.resolve(JDK_ACCESS_FILE));
            return;
        }
        List<String> arguments = expandArgFiles(List.of(args));
        if (arguments.contains("--version")) {
            printVersion();
            return;
        }
        System.exit(new NativeImageDriver(home).build(arguments));
    }

    /** The three lines a GraalVM CE {@code native-image --version} prints, naming this home's JDK. */
    private static void printVersion() {
        Runtime.Version jdk = Runtime.version();
        String vendor = VENDOR_VERSION;
        System.out.println("native-image " + GRAALVM_VERSION + " " + System.getProperty("java.version.date"));
        System.out.println("GraalVM Runtime Environment " + vendor + " (build " + jdk + ")");
        System.out.println("Substrate VM " + vendor + " (build " + jdk + ", serial gc)");
    }

    private int build(List<String> arguments) throws IOException, InterruptedException {
        consume(new ArrayDeque<>(arguments), null);
        for (Path entry : List.copyOf(imageClasspath)) {
            applyMetaInfConfigs(entry);
        }
        if (mainClass == null) {
            throw fail("no main class: pass -jar with a Main-Class manifest entry or -H:Class");
        }
        if (imageName == null) {
            imageName = mainClass.substring(mainClass.lastIndexOf('.') + 1).toLowerCase();
        }
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/java").toString());
        command.add("@" + writeBuilderJvmArgFile());
        command.add("@" + home.resolve(JDK_ACCESS_FILE));
        command.addAll(builderJavaArgs);
        command.add("-m");
        command.add(BUILDER_MODULE + "/" + GENERATOR);
        command.add("-imagecp");
        command.add(imageClasspath.stream().map(Path::toString).collect(Collectors.joining(":")));
        command.add("-H:Path=" + Path.of("").toAbsolutePath());
        command.add("-H:CLibraryPath=" + home.resolve("lib/svm/clibraries/linux-amd64"));
        command.add("-H:ImageBuildID=" + UUID.randomUUID());
        command.add("-H:Class=" + mainClass);
        command.add("-H:Name=" + imageName);
        command.addAll(builderArgs);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        // Temurin's JVMCI is 25.0.3; the 25.0.4 compiler would refuse it without this.
        builder.environment().put("JVMCI_VERSION_CHECK", "ignore");
        if (Boolean.getBoolean("native-check.verbose") || System.getenv("NATIVE_CHECK_VERBOSE") != null) {
            System.err.println("native-image (native-check) runs: " + String.join(" ", command));
        }
        return builder.start().waitFor();
    }

    private void consume(Deque<String> args, Path configDir) throws IOException {
        while (!args.isEmpty()) {
            String arg = args.poll();
            if (arg.startsWith("-J")) {
                builderJavaArgs.add(arg.substring(2));
            } else if (arg.startsWith("-D")) {
                builderJavaArgs.add(arg);
            } else if (arg.startsWith("-H:Class=")) {
                mainClass = arg.substring("-H:Class=".length());
            } else if (arg.startsWith("-H:Name=")) {
                imageName = arg.substring("-H:Name=".length());
            } else if (arg.startsWith("-H:") || arg.startsWith("-R:")) {
                builderArgs.add(arg);
            } else if (arg.equals("-jar")) {
                addJar(Path.of(required(args, arg)));
            } else if (arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path")) {
                for (String entry : required(args, arg).split(":")) {
                    imageClasspath.add(Path.of(entry).toAbsolutePath());
                }
            } else if (arg.equals("--exclude-config")) {
                excludedConfigs.add(new Pattern[] {Pattern.compile(required(args, arg)), Pattern.compile(required(args, arg))});
            } else if (arg.startsWith("--add-modules")) {
                builderJavaArgs.add(arg.contains("=") ? arg : "--add-modules=" + required(args, arg));
            } else if (arg.equals("--verbose")) {
                builderArgs.add("-H:+UnlockExperimentalVMOptions");
                builderArgs.add("-H:+ReportExceptionStackTraces");
                builderArgs.add("-H:-UnlockExperimentalVMOptions");
            } else if (arg.startsWith("-")) {
                builderArgs.add(translate(arg, args));
            } else if (configDir == null) {
                imageName = arg;
            } else {
                throw fail("unexpected argument " + arg + " in " + configDir);
            }
        }
    }

    /** A launcher option such as {@code --initialize-at-run-time=a.b} as the builder's {@code -H:} option. */
    private String translate(String arg, Deque<String> rest) {
        ApiOption exact = apiOptions.get(arg);
        if (exact != null) {
            if (exact.isBoolean) {
                return exact.builderOption;
            }
            if (exact.defaultValue != null) {
                return exact.builderOption + transform(exact, exact.defaultValue);
            }
            if (contains(exact.separators, APIOption.WHITESPACE_SEPARATOR)) {
                return exact.builderOption + transform(exact, required(rest, arg));
            }
            throw fail("option " + arg + " needs a value");
        }
        for (Map.Entry<String, ApiOption> candidate : apiOptions.entrySet()) {
            String name = candidate.getKey();
            ApiOption option = candidate.getValue();
            if (option.isBoolean || !arg.startsWith(name) || arg.length() == name.length()) {
                continue;
            }
            char separator = arg.charAt(name.length());
            if (contains(option.separators, separator)) {
                return option.builderOption + transform(option, arg.substring(name.length() + 1));
            }
            if (contains(option.separators, APIOption.NO_SEPARATOR)) {
                return option.builderOption + transform(option, arg.substring(name.length()));
            }
        }
        throw fail("unsupported option " + arg + " (this launcher knows the builder's API options, -H:, -J, -D, -jar, -cp,"
                + " --exclude-config and --add-modules)");
    }

    private static String transform(ApiOption option, String value) {
        Object transformed = value;
        for (Function<Object, Object> transformer : option.transformers) {
            transformed = transformer.apply(transformed);
        }
        return String.valueOf(transformed);
    }

    private void addJar(Path jar) throws IOException {
        Path absolute = jar.toAbsolutePath();
        imageClasspath.add(absolute);
        try (JarFile file = new JarFile(absolute.toFile())) {
            var attributes = file.getManifest().getMainAttributes();
            String main = attributes.getValue("Main-Class");
            if (main != null && mainClass == null) { // an explicit -H:Class wins
                mainClass = main;
            }
            String classPath = attributes.getValue("Class-Path");
            if (classPath != null) {
                for (String entry : classPath.trim().split("\\s+")) {
                    imageClasspath.add(absolute.getParent().resolve(entry).normalize());
                }
            }
        }
    }

    /** Applies {@code META-INF/native-image/**}{@code /native-image.properties} the way GraalVM's launcher does. */
    private void applyMetaInfConfigs(Path entry) throws IOException {
        if (Files.isDirectory(entry)) {
            Path root = entry.resolve("META-INF/native-image");
            if (!Files.isDirectory(root)) {
                return;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = "META-INF/native-image/" + root.relativize(file).toString().replace('\\', '/');
                    try (InputStream in = Files.newInputStream(file)) {
                        applyMetaInf(entry, name, in);
                    }
                }
            }
        } else if (Files.isRegularFile(entry) && configsApplied.add(entry)) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                Enumeration<? extends ZipEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry zipEntry = entries.nextElement();
                    String name = zipEntry.getName();
                    if (name.startsWith("META-INF/native-image/") && !zipEntry.isDirectory()) {
                        try (InputStream in = jar.getInputStream(zipEntry)) {
                            applyMetaInf(entry, name, in);
                        }
                    }
                }
            }
        }
    }

    /**
     * One file under META-INF/native-image of a class-path entry: its {@code native-image.properties}
     * arguments are applied, and its metadata files handed to the builder, unless {@code --exclude-config}
     * names the entry and the resource.
     */
    private void applyMetaInf(Path entry, String resource, InputStream in) throws IOException {
        for (Pattern[] excluded : excludedConfigs) {
            if (excluded[0].matcher(entry.toString()).find() && excluded[1].matcher("/" + resource).find()) {
                return;
            }
        }
        String fileName = resource.substring(resource.lastIndexOf('/') + 1);
        if (CONFIG_FILES.containsKey(fileName)) {
            builderArgs.add("-H:" + CONFIG_FILES.get(fileName) + "=" + resource);
            return;
        }
        if (!fileName.equals("native-image.properties")) {
            return;
        }
        Properties properties = new Properties();
        try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String configDir = resource.substring(0, resource.lastIndexOf('/'));
        String args = properties.getProperty("Args");
        if (args != null) {
            String expanded = args.replace("${.}", entry + "!/" + configDir);
            consume(new ArrayDeque<>(List.of(expanded.trim().split("\\s+"))), entry);
        }
        String javaArgs = properties.getProperty("JavaArgs");
        if (javaArgs != null) {
            builderJavaArgs.addAll(List.of(javaArgs.trim().split("\\s+")));
        }
        String name = properties.getProperty("ImageName");
        if (name != null && imageName == null) {
            imageName = name;
        }
    }

    /** Builder JVM settings: JVMCI on, the builder's module path, and JDK internals opened to it. */
    private Path writeBuilderJvmArgFile() throws IOException {
        Path builderLib = home.resolve("lib/svm/builder");
        List<String> lines = new ArrayList<>();
        lines.add("-XX:+UnlockExperimentalVMOptions");
        lines.add("-XX:+EnableJVMCI");
        lines.add("-XX:-UseJVMCICompiler");
        lines.add("-Xss10m");
        lines.add("-XX:+UseParallelGC");
        lines.add("-Xshare:off");
        lines.add("-Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader");
        lines.add("-Dorg.graalvm.nativeimage.imagecode=buildtime");
        lines.add("-Dorg.graalvm.version=" + GRAALVM_VERSION);
        lines.add("-Dorg.graalvm.vendor=GraalVM Community");
        // What a GraalVM JDK reports itself; Quarkus's build-time feature reads it.
        lines.add("-Dorg.graalvm.vendorversion=" + VENDOR_VERSION);
        lines.add("-Djdk.internal.lambda.disableEagerInitialization=true");
        lines.add("-Djdk.reflect.useOldSerializableConstructor=true");
        lines.add("-Djava.lang.invoke.InnerClassLambdaMetafactory.initializeLambdas=false");
        lines.add("-Djava.awt.headless=true");
        lines.add("--enable-native-access=" + BUILDER_MODULE);
        lines.add("--add-modules=ALL-DEFAULT");
        lines.add("--upgrade-module-path=" + builderLib.resolve("compiler.jar"));
        try (Stream<Path> jars = Files.list(builderLib)) {
            lines.add("--module-path=" + jars.filter(j -> j.toString().endsWith(".jar"))
                    .filter(j -> !j.getFileName().toString().equals("compiler.jar"))
                    .map(Path::toString).sorted().collect(Collectors.joining(":")));
        }
        Path file = Files.createTempFile("native-check-builder-", ".args");
        file.toFile().deleteOnExit();
        Files.write(file, lines.stream().map(NativeImageDriver::quoted).toList());
        return file;
    }

    /**
     * Opens the JDK internals the builder reaches to its modules: a GraalVM JDK grants these when it is
     * linked, Temurin does not. Written once when the home is assembled; used by both JVMs this home starts.
     */
    private static void writeJdkAccess(Path file) throws IOException {
        String targets = String.join(",", BUILDER_MODULES) + ",ALL-UNNAMED";
        Map<String, ModuleReference> system = new TreeMap<>();
        ModuleFinder.ofSystem().findAll().forEach(m -> system.put(m.descriptor().name(), m));
        List<String> lines = new ArrayList<>();
        for (String module : JDK_MODULES_OPENED) {
            ModuleReference reference = system.get(module);
            if (reference != null) {
                for (String pkg : new TreeSet<>(reference.descriptor().packages())) {
                    lines.add("--add-opens=" + module + "/" + pkg + "=" + targets);
                }
            }
        }
        Files.write(file, lines);
    }

    private static String quoted(String line) {
        return line.contains(" ") ? "\"" + line + "\"" : line;
    }

    /** Every {@code @APIOption} the builder declares, keyed by its launcher spelling. */
    private static Map<String, ApiOption> readApiOptions() {
        EconomicMap<String, OptionDescriptor> hosted = EconomicMap.create();
        EconomicMap<String, OptionDescriptor> runtime = EconomicMap.create();
        Iterable<OptionDescriptors> all = OptionsContainer.getDiscoverableOptions(NativeImageDriver.class.getClassLoader());
        HostedOptionParser.collectOptions(all, hosted, runtime);
        Map<String, ApiOption> options = new TreeMap<>((a, b) -> a.length() != b.length() ? b.length() - a.length() : a.compareTo(b));
        hosted.getValues().forEach(d -> readApiOption("-H:", d, options));
        runtime.getValues().forEach(d -> readApiOption("-R:", d, options));
        return options;
    }

    private static void readApiOption(String prefix, OptionDescriptor descriptor, Map<String, ApiOption> options) {
        boolean isBoolean = descriptor.getOptionValueType().equals(Boolean.class);
        for (APIOption api : OptionUtils.getAnnotationsByType(descriptor, APIOption.class)) {
            String name = APIOption.Utils.optionName(api.name()[0]);
            if (!api.group().equals(APIOption.NullGroup.class)) {
                name = APIOption.Utils.groupName(instantiate(api.group())) + api.name()[0];
            }
            String builderOption = isBoolean
                    ? prefix + (api.kind() == APIOption.APIOptionKind.Negated ? "-" : "+") + descriptor.getName()
                    : prefix + descriptor.getName() + "=";
            String defaultValue = api.fixedValue().length > 0 ? api.fixedValue()[0]
                    : api.defaultValue().length > 0 ? api.defaultValue()[0] : null;
            List<Function<Object, Object>> transformers = new ArrayList<>();
            for (Class<? extends Function<Object, Object>> transformer : api.valueTransformer()) {
                transformers.add(instantiate(transformer));
            }
            ApiOption option = new ApiOption(builderOption, isBoolean, defaultValue, api.valueSeparator(), transformers);
            for (String variant : api.name()) {
                if (api.group().equals(APIOption.NullGroup.class)) {
                    options.put(APIOption.Utils.optionName(variant), option);
                }
            }
            options.put(name, option);
        }
    }

    /** The builder's own reflection helper opens the declaring module, as GraalVM's launcher does. */
    private static <T> T instantiate(Class<? extends T> type) {
        return ReflectionUtil.newInstance(type);
    }

    private static boolean contains(char[] separators, char separator) {
        for (char c : separators) {
            if (c == separator) {
                return true;
            }
        }
        return false;
    }

    private static String required(Deque<String> args, String option) {
        String value = args.poll();
        if (value == null) {
            throw fail(option + " needs a value");
        }
        return value;
    }

    private static List<String> expandArgFiles(List<String> args) throws IOException {
        List<String> expanded = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("@") && Files.isRegularFile(Path.of(arg.substring(1)))) {
                for (String line : Files.readAllLines(Path.of(arg.substring(1)))) {
                    if (!line.isBlank()) {
                        expanded.add(line.strip());
                    }
                }
            } else {
                expanded.add(arg);
            }
        }
        return expanded;
    }

    private static IllegalArgumentException fail(String message) {
        System.err.println("native-image (native-check): " + message);
        System.exit(2);
        return new IllegalArgumentException(message);
    }
}
