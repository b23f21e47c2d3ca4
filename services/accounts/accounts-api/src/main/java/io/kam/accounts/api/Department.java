package io.kam.accounts.api;

/** The retailer's departments we keep contacts in (采购, 市场部, 后勤, 门店运作, 财务, 门店扩张). */
public enum Department {
    PURCHASING, MARKETING, LOGISTICS, STORE_OPERATIONS, FINANCE, EXPANSION
}
