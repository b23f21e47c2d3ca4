/**
 * The web app: server-rendered pages for national KA managers and regional coordinators, behind the gateway at
 * {@code /}. It keeps no data of its own; every figure on a page is the platform's API answer, fetched with the
 * user's own token (see {@code io.kam.web.shell.Api}).
 */
@NullMarked
package io.kam.web;

import org.jspecify.annotations.NullMarked;
