-- Member organisations of the network and its past platform editions, from the network's own record.

INSERT INTO organisation (name, country_code, status, created_at, version) VALUES
 ('Gender Perspectives', 'BY', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('Animus Association', 'BG', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('La Strada Czech Republic', 'CZ', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('Open Gate', 'MK', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('La Strada Moldova', 'MD', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('CoMensha', 'NL', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('La Strada Poland', 'PL', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('La Strada Ukraine', 'UA', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('Association of Young Azerbaijani Friends of Europe', 'AZ', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('Anti-Slavery International', 'GB', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('ASTRA – Anti-Trafficking Action', 'RS', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('Hope Now', 'DK', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('Human Resource Development Foundation', 'TR', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('KOK', 'DE', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('LEFÖ', 'AT', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('Living for Tomorrow', 'EE', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('Migrant Rights Centre Ireland', 'IE', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('Novi Put', 'BA', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('Pag-Asa', 'BE', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('PICUM', 'BE', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('Pro Tukipiste', 'FI', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('Proyecto Esperanza', 'ES', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('FIZ', 'CH', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('ALC', 'FR', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('ADPARE', 'RO', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('FairWork', 'NL', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('Ban Ying', 'DE', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('Victim Support Finland', 'FI', 'APPROVED', CURRENT_TIMESTAMP, 0),
 ('CCEM', 'FR', 'APPROVED', CURRENT_TIMESTAMP, 0);

-- Exact meeting dates are not in the record, so past editions carry only their year.
INSERT INTO edition (city, country_code, edition_year, time_zone, description, status, participant_list_visible, created_at, version) VALUES
 ('Warsaw', 'PL', 2005, 'Europe/Warsaw', 'The first NGO Platform meeting.', 'ARCHIVED', FALSE, CURRENT_TIMESTAMP, 0),
 ('Kyiv', 'UA', 2006, 'Europe/Kyiv', NULL, 'ARCHIVED', FALSE, CURRENT_TIMESTAMP, 0),
 ('Skopje', 'MK', 2007, 'Europe/Skopje', NULL, 'ARCHIVED', FALSE, CURRENT_TIMESTAMP, 0),
 ('Berlin', 'DE', 2009, 'Europe/Berlin', NULL, 'ARCHIVED', FALSE, CURRENT_TIMESTAMP, 0),
 ('Rome', 'IT', 2011, 'Europe/Rome', NULL, 'ARCHIVED', FALSE, CURRENT_TIMESTAMP, 0),
 ('Tallinn', 'EE', 2013, 'Europe/Tallinn',
  'Representatives of more than 20 NGOs and three networks from 20 European countries met for two days of workshops on current challenges in combating human trafficking, closing with a plenary on joint actions.',
  'ARCHIVED', FALSE, CURRENT_TIMESTAMP, 0);

INSERT INTO workshop_group (edition_id, title, description, plenary, sort_order, version)
SELECT e.id, t.title, t.description, t.plenary, t.sort_order, 0
FROM edition e
JOIN (
  SELECT 'NGO monitoring' AS title, 'How NGOs can take part in monitoring and evaluating anti-trafficking policies, and which mechanisms they can use.' AS description, FALSE AS plenary, 1 AS sort_order
  UNION ALL SELECT 'Data protection', 'Where providing reliable data on trafficking ends and trafficked persons'' confidentiality begins; influencing how data is collected and processed in Europe.', FALSE, 2
  UNION ALL SELECT 'Non-punishment provision', 'Making sure the non-punishment provision is observed in practice and how grass-roots NGOs can support it.', FALSE, 3
  UNION ALL SELECT 'Standards for service providers', 'Reviewing minimum standards for services to trafficked persons and a monitoring and evaluation mechanism for NGO commitment.', FALSE, 4
  UNION ALL SELECT 'Demand', 'Addressing demand in a debate on prostitution and trafficking that is politicised and polarised.', FALSE, 5
  UNION ALL SELECT 'Joint Actions', 'Plenary: opportunities for collective advocacy and joint campaigning at national and international level.', TRUE, 6
) t ON 1 = 1
WHERE e.city = 'Tallinn' AND e.edition_year = 2013;
