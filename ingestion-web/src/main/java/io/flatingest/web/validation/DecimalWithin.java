package io.flatingest.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The number, when present, lies within decimal bounds ({@link DecimalMin}/{@link DecimalMax} for fields only). */
@DecimalMin("0")
@DecimalMax("0")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface DecimalWithin {

    @OverridesAttribute(constraint = DecimalMin.class, name = "value")
    String min();

    @OverridesAttribute(constraint = DecimalMax.class, name = "value")
    String max();

    String message() default "is out of range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
