package org.ngoplatform.dashboard;

import org.ngoplatform.survey.OpenSurveySummary;

import java.util.List;

/** The organisers' dashboard: each upcoming edition, the open surveys, failed mails and what needs doing across editions. */
public record Dashboard(List<EditionDashboard> editions, List<OpenSurveySummary> openSurveys, long failedMails,
                        List<ToDo> toDos) {
}
