package org.ngoplatform.visaletter;

import java.time.LocalDate;

/** What a participant gives for their letter; {@link VisaLetterRules#detailProblems} judges it. */
public class VisaDetailsForm {

    private String fullName = "";
    private String nationality = "";
    private String passportNumber = "";
    private LocalDate dateOfBirth;
    private String consulateCity = "";

    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getNationality() { return nationality; }
    public void setNationality(String nationality) { this.nationality = nationality; }
    public String getPassportNumber() { return passportNumber; }
    public void setPassportNumber(String passportNumber) { this.passportNumber = passportNumber; }
    public LocalDate getDateOfBirth() { return dateOfBirth; }
    public void setDateOfBirth(LocalDate dateOfBirth) { this.dateOfBirth = dateOfBirth; }
    public String getConsulateCity() { return consulateCity; }
    public void setConsulateCity(String consulateCity) { this.consulateCity = consulateCity; }

    public static VisaDetailsForm of(String fullName, String nationality, String passportNumber, LocalDate dateOfBirth,
                                     String consulateCity) {
        var f = new VisaDetailsForm();
        f.fullName = fullName;
        f.nationality = nationality;
        f.passportNumber = passportNumber;
        f.dateOfBirth = dateOfBirth;
        f.consulateCity = consulateCity;
        return f;
    }
}
