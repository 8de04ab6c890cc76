/**
 * Due lists: one document per thing due (a member's decision, ceremony, recognition, letter or exemption end) with
 * the day it opened, the day it is due and the day it was settled, so the list on any past date is read from them.
 */
package vn.partyledger.query.due;
