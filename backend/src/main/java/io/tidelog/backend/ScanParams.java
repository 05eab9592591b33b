package io.tidelog.backend;

/** Scan options (§6.3, §6.4). Every component defaults to null. */
public record ScanParams(Integer limit, String exclusiveStartPk, String exclusiveStartSk, Integer segment, Integer totalSegments, String exclusiveStartBasePk, String exclusiveStartBaseSk) {

    public static Builder builder() {
        return new Builder();
    }

    /** Setters are named like the components. */
    public static final class Builder {
        private Integer limit;
        private String exclusiveStartPk;
        private String exclusiveStartSk;
        private Integer segment;
        private Integer totalSegments;
        private String exclusiveStartBasePk;
        private String exclusiveStartBaseSk;

        private Builder() {}

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public Builder exclusiveStartPk(String exclusiveStartPk) {
            this.exclusiveStartPk = exclusiveStartPk;
            return this;
        }

        public Builder exclusiveStartSk(String exclusiveStartSk) {
            this.exclusiveStartSk = exclusiveStartSk;
            return this;
        }

        public Builder segment(Integer segment) {
            this.segment = segment;
            return this;
        }

        public Builder totalSegments(Integer totalSegments) {
            this.totalSegments = totalSegments;
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

        public ScanParams build() {
            return new ScanParams(limit, exclusiveStartPk, exclusiveStartSk, segment, totalSegments, exclusiveStartBasePk, exclusiveStartBaseSk);
        }
    }
}
