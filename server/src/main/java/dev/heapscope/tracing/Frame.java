package dev.heapscope.tracing;

public record Frame(String className, String methodName, String fileName, int line) {
    public String lineKey() { return fileKey() + ":" + line; }
    public String methodKey() { return className + "." + methodName; }
    public String fileKey() {
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : className.substring(0, dot + 1).replace('.', '/');
        return fileName == null ? className.replace('.', '/') : pkg + fileName;
    }
}
