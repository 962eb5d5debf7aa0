package jgrad.data.csv;

/** The type a CSV column is parsed into. */
public enum ColumnType {
    /** 32-bit integer, e.g. ids and counts. */
    INT,
    /** 64-bit integer, e.g. unix timestamps. */
    LONG,
    /** Floating point; scientific notation such as {@code 7.50E-05} is accepted. */
    DOUBLE,
    /** Text, kept as is (after unquoting and the optional trimming). */
    STRING,
    /** {@code true/false}, {@code yes/no} or {@code 1/0}, case-insensitive. */
    BOOLEAN
}
