package jgrad.data.movielens;

import java.util.List;

/** A movie of a MovieLens catalog: id, title with year, and genre names. */
public record Movie(int id, String title, List<String> genres) {

    public Movie {
        genres = List.copyOf(genres);
    }
}
