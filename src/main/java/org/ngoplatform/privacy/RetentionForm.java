package org.ngoplatform.privacy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** How many days after an edition ends its special-category fields, then its registration details, are kept. */
public class RetentionForm {

    public static final int MAX_DAYS = 3650;

    @NotNull
    @Min(0)
    @Max(MAX_DAYS)
    private Integer specialDays;

    @NotNull
    @Min(0)
    @Max(MAX_DAYS)
    private Integer detailsDays;

    public RetentionForm() {
    }

    public RetentionForm(Integer specialDays, Integer detailsDays) {
        this.specialDays = specialDays;
        this.detailsDays = detailsDays;
    }

    public Integer getSpecialDays() { return specialDays; }
    public void setSpecialDays(Integer specialDays) { this.specialDays = specialDays; }
    public Integer getDetailsDays() { return detailsDays; }
    public void setDetailsDays(Integer detailsDays) { this.detailsDays = detailsDays; }
}
