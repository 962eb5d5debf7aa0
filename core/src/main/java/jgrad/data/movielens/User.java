package jgrad.data.movielens;

/** A MovieLens 100K user ({@code u.user}): id, age, gender (M/F), occupation, zip code (text: some are not numeric). */
public record User(int id, int age, String gender, String occupation, String zip) {
}
