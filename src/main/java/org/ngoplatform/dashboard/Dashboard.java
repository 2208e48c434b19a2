package org.ngoplatform.dashboard;

import org.ngoplatform.survey.OpenSurveySummary;

import java.util.List;

/**
 * The organisers' dashboard: the soonest upcoming editions (at most {@code DashboardService.SHOWN}, plus one asked for),
 * how many more are upcoming, the open surveys, failed mails and what needs doing across editions.
 */
public record Dashboard(List<EditionDashboard> editions, long moreEditions, List<OpenSurveySummary> openSurveys,
                        long failedMails, List<ToDo> toDos) {
}
