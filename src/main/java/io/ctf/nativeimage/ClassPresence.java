package io.ctf.nativeimage;

/** Whether an optional artifact is on the image's class path, judged by one class it holds. */
final class ClassPresence {

    private ClassPresence() {
    }

    static boolean present(String className) {
        try {
            // Not initialised: the question is only whether the artifact is there.
            Class.forName(className, false, ClassPresence.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
