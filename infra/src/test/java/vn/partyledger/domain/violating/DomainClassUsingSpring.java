package vn.partyledger.domain.violating;

import org.springframework.util.StringUtils;

/** Breaks the dependency rule on purpose: ArchitectureTest shows its rules reject it. Test code only. */
public class DomainClassUsingSpring {

    public boolean named(String name) {
        return StringUtils.hasText(name);
    }
}
