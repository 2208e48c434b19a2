package org.ngoplatform.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import org.ngoplatform.dashboard.ToDo;

import java.util.List;

/** "What needs doing next": each item a sentence that links to the page where it is done. */
class ToDoList extends Div {

    ToDoList(List<ToDo> toDos, Translations t) {
        addClassNames("dashboard-card", "dashboard-todos");
        setId("dashboard-todos");
        add(new H3(t.get("dashboard.todo.title")));
        if (toDos.isEmpty()) {
            var none = new Paragraph(t.get("dashboard.todo.none"));
            none.addClassName("muted");
            add(none);
            return;
        }
        var list = new UnorderedList();
        for (ToDo toDo : toDos) {
            var link = new Anchor(toDo.link(), t.get(toDo.key(), toDo.params().toArray()));
            link.addClassName("dashboard-todo");
            list.add(new ListItem(link));
        }
        add(list);
    }
}
