package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The facade holds: no public type of {@code dev.devq} lets an engine type out through a public
 * method, constructor or field, so the front ends cannot reach the engine even without naming it
 * ({@code var kb = devq.kb()} would slip past {@link LayeringTest}, which reads imports).
 */
class FacadeTest {
  /** Front-end types of the language that results may carry: positions and diagnostics. */
  private static final Set<String> LANG =
      Set.of(
          "dev.devq.lang.SourceText",
          "dev.devq.lang.Span",
          "dev.devq.lang.Diagnostic",
          "dev.devq.lang.DiagnosticCode",
          "dev.devq.lang.Severity");

  @Test
  void publicSignaturesOfTheFacadeNameNoEngineType() throws Exception {
    List<String> leaks = new ArrayList<>();
    List<Class<?>> types = facadeTypes();
    assertTrue(types.size() >= 8, "facade types found: " + types);
    for (Class<?> c : types) {
      for (Method m : c.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
          check(leaks, c.getSimpleName() + "." + m.getName(), m.getGenericReturnType());
          for (Type p : m.getGenericParameterTypes()) {
            check(leaks, c.getSimpleName() + "." + m.getName(), p);
          }
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (Modifier.isPublic(k.getModifiers())) {
          for (Type p : k.getGenericParameterTypes()) {
            check(leaks, c.getSimpleName() + "()", p);
          }
        }
      }
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isPublic(f.getModifiers())) {
          check(leaks, c.getSimpleName() + "." + f.getName(), f.getGenericType());
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void aLeakIsFound() {
    List<String> leaks = new ArrayList<>();
    check(leaks, "x", dev.devq.query.eval.Value.class);
    check(leaks, "y", String.class);
    assertEquals(List.of("x exposes dev.devq.query.eval.Value"), leaks);
  }

  private static void check(List<String> leaks, String where, Type type) {
    if (type instanceof ParameterizedType p) {
      check(leaks, where, p.getRawType());
      for (Type a : p.getActualTypeArguments()) {
        check(leaks, where, a);
      }
    } else if (type instanceof GenericArrayType a) {
      check(leaks, where, a.getGenericComponentType());
    } else if (type instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        check(leaks, where, b);
      }
    } else if (type instanceof Class<?> c) {
      Class<?> base = c;
      while (base.isArray()) {
        base = base.getComponentType();
      }
      Class<?> top = base;
      while (top.getEnclosingClass() != null) {
        top = top.getEnclosingClass();
      }
      String name = top.getName();
      boolean ok =
          base.isPrimitive()
              || name.startsWith("java.")
              || name.startsWith("com.fasterxml.jackson.databind.")
              || top.getPackageName().equals("dev.devq")
              || LANG.contains(name);
      if (!ok) {
        leaks.add(where + " exposes " + base.getName());
      }
    }
  }

  private static List<Class<?>> facadeTypes() throws IOException, ClassNotFoundException {
    Path dir = DevqAssertions.projectDir().resolve("src/main/java/dev/devq");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String simple = f.getFileName().toString().replace(".java", "");
        if (simple.equals("package-info")) {
          continue;
        }
        Class<?> c = Class.forName("dev.devq." + simple);
        if (Modifier.isPublic(c.getModifiers())) {
          out.add(c);
          for (Class<?> inner : c.getDeclaredClasses()) {
            if (Modifier.isPublic(inner.getModifiers())) {
              out.add(inner);
            }
          }
        }
      }
    }
    return out;
  }
}
