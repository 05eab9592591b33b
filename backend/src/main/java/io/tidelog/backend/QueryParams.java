package io.tidelog.backend;

/** Query options (§6.2). The builder defaults {@code forward} to true and everything else to null. */
public record QueryParams(SortKeyCondition skCondition, boolean forward, Integer limit, String exclusiveStartSk, String exclusiveStartBasePk, String exclusiveStartBaseSk) {

    public static Builder builder() {
        return new Builder();
    }

    /** Setters are named like the components. */
    public static final class Builder {
        private SortKeyCondition skCondition;
        private boolean forward = true;
        private Integer limit;
        private String exclusiveStartSk;
        private String exclusiveStartBasePk;
        private String exclusiveStartBaseSk;

        private Builder() {}

        public Builder skCondition(SortKeyCondition skCondition) {
            this.skCondition = skCondition;
            return this;
        }

        public Builder forward(boolean forward) {
            this.forward = forward;
            return this;
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public Builder exclusiveStartSk(String exclusiveStartSk) {
            this.exclusiveStartSk = exclusiveStartSk;
            return this;
        }

        public Builder exclusiveStartBasePk(String exclusiveStartBasePk) {
            this.exclusiveStartBasePk = exclusiveStartBasePk;
            return this;
        }

        public Builder exclusiveStartBaseSk(String exclusiveStartBaseSk) {
            this.exclusiveStartBaseSk = exclusiveStartBaseSk;
            return this;
        }

        public QueryParams build() {
            return new QueryParams(skCondition, forward, limit, exclusiveStartSk, exclusiveStartBasePk, exclusiveStartBaseSk);
        }
    }
}
