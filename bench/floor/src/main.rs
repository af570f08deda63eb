//! The smallest Leptos 0.8 CSR app that uses what DVA Screen's views use: signals, memos,
//! effects, context, Show, For, events, attributes, text inputs and radio groups.
use leptos::prelude::*;

#[derive(Clone, Copy)]
struct Ctx {
    answers: RwSignal<Vec<Option<usize>>>,
    page: RwSignal<usize>,
}

#[component]
fn Question(i: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let selected = Memo::new(move |_| ctx.answers.with(|a| a[i]));
    let name = format!("q{i}");
    view! {
        <fieldset class="question">
            <legend>{format!("Question {}", i + 1)}</legend>
            <For each=move || 0..5usize key=|o| *o let:o>
                <label>
                    <input type="radio" name=name.clone() value=o.to_string()
                        prop:checked=move || selected.get() == Some(o)
                        on:change=move |_| ctx.answers.update(|a| a[i] = Some(o)) />
                    {format!("Option {o}")}
                </label>
            </For>
        </fieldset>
    }
}

#[component]
fn App() -> impl IntoView {
    let ctx = Ctx { answers: RwSignal::new(vec![None; 20]), page: RwSignal::new(0) };
    provide_context(ctx);
    let note = RwSignal::new(String::new());
    let count = Memo::new(move |_| ctx.answers.with(|a| a.iter().flatten().count()));
    Effect::new(move |_| {
        document().set_title(&format!("{} answered", count.get()));
    });
    view! {
        <main>
            <h1>"Floor"</h1>
            <Show when=move || ctx.page.get() == 0 fallback=|| view! { <p>"Done"</p> }>
                <For each=move || 0..20usize key=|i| *i let:i>
                    <Question i=i />
                </For>
                <textarea prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev)) />
                <button on:click=move |_| ctx.page.set(1)>"Continue"</button>
            </Show>
            <p>{move || format!("{} of 20", count.get())}</p>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
