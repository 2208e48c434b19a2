package org.ngoplatform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.repository.Repository;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repositories are built when first used (spring.data.jpa.repositories.bootstrap-mode=lazy, for start-up). This builds
 * every one of them, which creates and checks each query method (every {@code @Query} is parsed and validated by
 * Hibernate against the entities), so a broken query still fails the build instead of a user's first request.
 */
@IntegrationTest
class EveryRepositoryQueryIsValidTest {

    @Autowired ApplicationContext context;

    @Test
    void every_repository_and_every_query_method_of_it_can_be_built() {
        Map<String, Repository> repositories = context.getBeansOfType(Repository.class);
        assertThat(repositories).hasSizeGreaterThanOrEqualTo(15);
        repositories.forEach((name, repository) ->
                assertThat(repository.toString()).as(name).isNotBlank()); // a call on the repository itself
    }
}
