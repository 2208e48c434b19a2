package org.ngoplatform.survey.design;

import jakarta.persistence.LockModeType;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyStatus;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface SurveyRepository extends JpaRepository<Survey, Long> {

    Optional<Survey> findByPublicKey(String publicKey);

    boolean existsByPublicKey(String publicKey);

    List<Survey> findByAnonymityAndStatusInOrderByIdDesc(SurveyAnonymity anonymity, Collection<SurveyStatus> statuses);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Survey s where s.id = :id")
    Optional<Survey> lockById(@Param("id") long id);

    @Query("select s from Survey s where :like is null or lower(s.title) like :like order by s.createdAt desc, s.id desc")
    List<Survey> search(@Param("like") String like, Pageable page);

    @Query("select count(s) from Survey s where :like is null or lower(s.title) like :like")
    long countSearch(@Param("like") String like);

    List<Survey> findByStatusOrderByIdDesc(SurveyStatus status, Pageable page);
}
