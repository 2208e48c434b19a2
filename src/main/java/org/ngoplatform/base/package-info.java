/**
 * Shared infrastructure every feature may use: translations, the application shell, common UI pieces.
 * Depends on no feature module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.ngoplatform.base;
