package io.flatingest.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The whole number, when present, lies within bounds ({@link Min} and {@link Max} for fields only). */
@Min(0)
@Max(Long.MAX_VALUE)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Within {

    @OverridesAttribute(constraint = Min.class, name = "value")
    long min() default Long.MIN_VALUE;

    @OverridesAttribute(constraint = Max.class, name = "value")
    long max() default Long.MAX_VALUE;

    String message() default "is out of range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
