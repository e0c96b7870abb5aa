package dev.devq.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole numbers an option takes, declared on its field; {@link UsageErrors} refuses a value
 * outside them, whether it fits the field's type or not, in the option's own words: {@code --limit
 * takes a whole number from 1 to 1000, found '0'}, never the Java type's range.
 *
 * <pre>{@code
 * @Range(min = 1, max = 1000)
 * @Option(names = "--limit") int limit = 5;
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Range {
  long min();

  long max();

  /**
   * What a value at the bounds means when it is special ({@code 0 shows every layer}), or empty.
   */
  String note() default "";
}
