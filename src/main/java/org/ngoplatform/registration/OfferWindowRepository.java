package org.ngoplatform.registration;

import org.springframework.data.jpa.repository.JpaRepository;

interface OfferWindowRepository extends JpaRepository<OfferWindow, Long> {
}
