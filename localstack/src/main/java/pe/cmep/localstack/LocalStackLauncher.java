package pe.cmep.localstack;

public final class LocalStackLauncher {
    public static void main(String[] args) {
    }
}
