/**
 * Party badges (docs/rules.md#s7-2, I24): awarded once per level of party age on an anniversary, early for the seriously
 * ill or posthumously within set limits, deferred after a discipline, reissued when lost for good reason and handed
 * back on expulsion.
 */
package vn.partyledger.domain.badge;
